package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.PdfFacts.TextBox;
import vn.kyso.signing.internal.VisibleSignature.TextSide;

/**
 * Issue #12: the attachment mark and the organisation's information keep off printed text as the copy mark
 * does, and the seal is drawn at its real size. Geometry first, then every layout signed on the sample
 * letters of {@code samples/letters} and rendered by poppler at 72 dpi (one pixel per point).
 */
class MarksOffPrintedTextTest {

    private static final Decree30Layout LAYOUT = new Decree30Layout(SampleLetters.SERIF);
    private static final PageBox A4 = new PageBox(595.28f, 841.89f, 0);
    private static final Instant SIGNED_AT = Instant.parse("2026-11-22T03:15:30Z");
    private static final float MM = 72f / 25.4f;
    private static final SignatureField PERSON_FIELD = new SignatureField("Signature1", 1, 315, 540, 170, 70, true);
    private static final Path SAMPLES = Path.of("..", "samples", "letters");

    @Test
    void theSealTakesTheWidthConfiguredForItInMillimetres() {
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD));

        Rect seal = LAYOUT.plan(signed, seal(TestImages.seal(), 40.0)).imageArea();

        assertThat(seal.width()).isCloseTo(40 * MM, within(0.01f));
        assertThat(seal.right()).as("still over the left third").isCloseTo(315 + 170 / 3f, within(0.01f));
    }

    @Test
    void withoutAConfiguredSizeTheSealTakesTheWidthItsPngResolutionGives() {
        // 400 px at 9,524 px/m is 42.0 mm; from the 70 pt signature the old rule would have given 100 pt.
        byte[] png = withPhys(TestImages.seal(), 9524);
        assertThat(PngImage.read(png, "seal").widthMm()).isCloseTo(42.0, within(0.01));

        Rect seal = LAYOUT.plan(new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD)), seal(png, null)).imageArea();

        assertThat(seal.width()).isCloseTo((float) (400 * 1000.0 / 9524 * MM), within(0.01f));
    }

    @Test
    void aSignatureInBlackInkIsRefusedForThePersonInBothLanguages() throws Exception {
        java.awt.image.BufferedImage black = new java.awt.image.BufferedImage(200, 80,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = black.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(6f));
        g.drawLine(10, 60, 190, 20);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(black, "png", png);
        AppearanceContent content = new AppearanceContent(Appearance.PERSON, null, png.toByteArray(), "Nguyễn Văn An",
                SampleLetters.ISSUER, SIGNED_AT, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LAYOUT.plan(PdfInspector.inspect(
                SampleLetters.oneLetter()), content)).isInstanceOfSatisfying(vn.kyso.signing.SigningException.class,
                        e -> {
                            assertThat(e.getMessage()).contains("blue ink");
                            assertThat(e.messageVi()).contains("màu xanh");
                        });
        assertThat(PngImage.read(TestImages.signature(), "signature").blueInk()).isTrue();
    }

    @Test
    void theAttachmentMarkMovesDownPastPrintedTextAtTheTopRight() {
        TextBox heading = new TextBox(330, 8, 230, 16);
        PdfFacts page = new PdfFacts(1, List.of(A4), List.of(), List.of(heading));

        VisibleSignature plan = LAYOUT.plan(page, new AppearanceContent(Appearance.ATTACHMENT, null, null, null,
                SampleLetters.ISSUER, SIGNED_AT, "123/UBND-VP", null));

        Rect text = plan.text().area();
        assertThat(text.y()).isGreaterThanOrEqualTo(heading.bottom() + CopyMark.CLEARANCE);
        assertThat(text.y()).isLessThan(heading.bottom() + CopyMark.CLEARANCE + 1.01f);
        assertThat(text.right()).isCloseTo(A4.width() - Decree30Layout.RIGHT_OFFSET, within(0.01f));
    }

    @Test
    void theOrganisationsInformationGoesUnderTheSealWhenTextIsOnItsLeft() {
        // A long "Nơi nhận" line level with the seal, left of it.
        TextBox recipients = new TextBox(85, 570, 180, 12);
        PdfFacts page = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD), List.of(recipients));

        VisibleSignature plan = LAYOUT.plan(page, seal(TestImages.seal(), null));

        assertThat(plan.text().side()).isEqualTo(TextSide.BELOW_IMAGE);
        Rect text = plan.text().area();
        assertThat(text.x() >= recipients.right() || text.y() >= recipients.bottom()).isTrue();
    }

    /**
     * Each layout on each sample letter: nothing the letter printed lies under a mark's text (the unsigned
     * page has no dark pixel there), the mark's ink is there after signing, the signature is blue between the
     * title and the name, and the 40 mm seal is drawn 40 mm wide.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cong-van-mot-trang.pdf", "cong-van-ba-trang.pdf", "cong-van-du-thao.pdf"})
    void everyLayoutOnTheSampleLettersLeavesPrintedTextUncovered(String file) throws Exception {
        assertThat(Files.isExecutable(Renderer.PDFTOPPM)).as("poppler-utils (pdftoppm) is installed").isTrue();
        SoftwareSigner signer = new SoftwareSigner();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] letter = Files.readAllBytes(SAMPLES.resolve(file));
        String stem = "marks-" + file.replace(".pdf", "");
        PdfFacts facts = PdfInspector.inspect(letter);
        int last = facts.pageCount();
        BufferedImage lastBefore = Renderer.page(letter, stem + "-unsigned-last", last);
        BufferedImage firstBefore = Renderer.page(letter, stem + "-unsigned-first", 1);

        AppearanceContent personContent = new AppearanceContent(Appearance.PERSON, null, TestImages.signature(),
                "Nguyễn Văn An", SampleLetters.ISSUER, now, null, null);
        VisibleSignature person = LAYOUT.plan(facts, personContent);
        byte[] personSigned = signer.sign(letter, signer.person(), LAYOUT.create(facts, personContent), now);
        PdfFacts afterPerson = PdfInspector.inspect(personSigned);
        AppearanceContent sealContent = seal(TestImages.seal(), 40.0);
        VisibleSignature seal = LAYOUT.plan(afterPerson, sealContent);
        byte[] both = signer.sign(personSigned, signer.organisation(), LAYOUT.create(afterPerson, sealContent), now);
        BufferedImage signedPage = Renderer.page(both, stem + "-person-and-organisation", last);

        assertThat(person.page()).isEqualTo(last);
        assertThat(Renderer.count(signedPage, person.imageArea(), Renderer::blue)).as("blue signature")
                .isGreaterThan(300);
        assertThat(Renderer.count(lastBefore, seal.text().area(), Renderer::dark)).as("nothing printed under the "
                + "organisation's information").isZero();
        assertThat(Renderer.count(signedPage, seal.text().area(), Renderer::dark)).isGreaterThan(60);
        float ring = redWidth(signedPage, seal.imageArea());
        // TestImages.seal()'s outer ring spans 394 of its 400 px (a 14 px stroke on a 380 px circle at 10 px).
        assertThat(ring).as("the seal's ring at 40 mm").isCloseTo(40 * MM * 394 / 400, within(2f));

        for (AppearanceContent mark : List.of(
                new AppearanceContent(Appearance.ATTACHMENT, null, null, null, SampleLetters.ISSUER, now,
                        "123/UBND-VP", null),
                new AppearanceContent(Appearance.COPY, null, null, null, SampleLetters.ISSUER, now, null, "TRÍCH SAO",
                        CopySource.ELECTRONIC))) {
            VisibleSignature plan = LAYOUT.plan(facts, mark);
            byte[] signed = signer.sign(letter, signer.organisation(), LAYOUT.create(facts, mark), now);
            BufferedImage page = Renderer.page(signed, stem + "-" + mark.appearance().name().toLowerCase(), 1);
            Rect text = plan.text().area();
            assertThat(plan.page()).isEqualTo(1);
            assertThat(text.right()).as("top right").isGreaterThan(A4.width() / 2);
            assertThat(text.bottom()).isLessThan(A4.height() / 3);
            assertThat(Renderer.count(firstBefore, text, Renderer::dark)).as(mark.appearance() + " over nothing printed")
                    .isZero();
            assertThat(Renderer.count(page, text, Renderer::dark)).as(mark.appearance() + " ink").isGreaterThan(60);
        }
    }

    private static AppearanceContent seal(byte[] png, Double widthMm) {
        return new AppearanceContent(Appearance.ORGANISATION, null, png, null, SampleLetters.ISSUER, SIGNED_AT, null,
                null, null, widthMm);
    }

    /** Width of the red pixels' extent inside {@code area}, in pixels (= points at 72 dpi). */
    private static float redWidth(BufferedImage page, Rect area) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int x = Math.max(0, Math.round(area.x()) - 5); x < Math.min(page.getWidth(), area.right() + 5); x++) {
            if (Renderer.count(page, new Rect(x, area.y(), 1, area.height()), Renderer::red) > 0) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return max - min + 1;
    }

    /** The PNG with a pHYs chunk (pixels per metre on both axes) right after its header. */
    static byte[] withPhys(byte[] png, int pixelsPerMetre) {
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + 9 + 4);
        chunk.putInt(9).put("pHYs".getBytes(StandardCharsets.US_ASCII)).putInt(pixelsPerMetre).putInt(pixelsPerMetre)
                .put((byte) 1);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 13);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }
}
