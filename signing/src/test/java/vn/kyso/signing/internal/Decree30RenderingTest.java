package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;

/**
 * Signs letters with each Decree 30 layout and checks the pictures poppler draws: the seal's red,
 * the signature's blue and the text's black must be where the layout put them, and nowhere else.
 * The PNGs stay in target/test-artifacts for a human to look at.
 */
class Decree30RenderingTest {

    private static SoftwareSigner signer;
    private static Decree30Layout layout;
    private static Instant now;
    private static byte[] letter;
    private static BufferedImage unsigned;

    @BeforeAll
    static void setUp() throws Exception {
        // A missing tool fails the test rather than skipping it: CI installs poppler-utils (scripts/deps.sh).
        assertThat(Files.isExecutable(Renderer.PDFTOPPM)).as("poppler-utils (pdftoppm) is installed").isTrue();
        signer = new SoftwareSigner();
        layout = new Decree30Layout(SampleLetters.SERIF);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        letter = SampleLetters.oneLetter();
        unsigned = Renderer.firstPage(letter, "letter-unsigned");
    }

    @Test
    void personAndOrganisation() throws Exception {
        AppearanceContent personContent = new AppearanceContent(Appearance.PERSON, null, TestImages.signature(),
                "Nguyễn Văn An", SampleLetters.ISSUER, now, null, null);
        VisibleSignature person = layout.plan(PdfInspector.inspect(letter), personContent);
        byte[] personSigned = signer.sign(letter, signer.person(),
                layout.create(PdfInspector.inspect(letter), personContent), now);
        AppearanceContent sealContent = new AppearanceContent(Appearance.ORGANISATION, null, TestImages.seal(),
                null, SampleLetters.ISSUER, now, null, null);
        VisibleSignature seal = layout.plan(PdfInspector.inspect(personSigned), sealContent);
        byte[] bothSigned = signer.sign(personSigned, signer.organisation(),
                layout.create(PdfInspector.inspect(personSigned), sealContent), now);

        BufferedImage page = Renderer.firstPage(bothSigned, "person-and-organisation");

        Rect signature = person.imageArea();
        Rect stamp = seal.imageArea();
        assertThat(Renderer.count(page, signature, Renderer::blue)).as("signature ink").isGreaterThan(300);
        assertThat(Renderer.count(page, stamp, Renderer::red)).as("seal red").isGreaterThan(1500);
        // The seal covers the left third of the signature and stops there.
        Rect leftThird = new Rect(signature.x(), signature.y(), signature.width() / 3, signature.height());
        Rect rightOfSeal = new Rect(stamp.right() + 2, signature.y(), signature.right() - stamp.right() - 2,
                signature.height());
        assertThat(Renderer.count(page, leftThird, Renderer::red)).isGreaterThan(100);
        assertThat(Renderer.count(page, rightOfSeal, Renderer::red)).isZero();
        assertThat(Renderer.count(page, new Rect(0, 0, 595, 420), Renderer::red)).as("upper half").isZero();
        // The organisation's name and the time, in black, where the page was blank before.
        Rect text = seal.text().area();
        assertThat(Renderer.count(page, text, Renderer::dark)).isGreaterThan(60);
        assertThat(Renderer.count(unsigned, text, Renderer::dark)).isZero();
    }

    @Test
    void attachmentInASeparateFile() throws Exception {
        AppearanceContent content = new AppearanceContent(Appearance.ATTACHMENT, null, null, null,
                SampleLetters.ISSUER, now, "123/UBND-VP", null);
        VisibleSignature plan = layout.plan(PdfInspector.inspect(letter), content);
        byte[] signed = signer.sign(letter, signer.organisation(),
                layout.create(PdfInspector.inspect(letter), content), now);

        BufferedImage page = Renderer.firstPage(signed, "attachment");

        Rect text = plan.field();
        assertThat(text.right()).isGreaterThan(500);
        assertThat(text.y()).isLessThan(30);
        assertThat(Renderer.count(page, text, Renderer::dark)).as("number and time").isGreaterThan(60);
        assertThat(Renderer.count(unsigned, text, Renderer::dark)).isZero();
        assertThat(Renderer.count(page, new Rect(0, 0, 595, 842), Renderer::red)).as("no image").isZero();
    }

    // Issue #12: no seal image on a copy; the mark is text only and must not touch printed text.
    @Test
    void electronicCopyOnTheOneAndThreePageSampleLetters() throws Exception {
        for (int pages : new int[] {1, 3}) {
            byte[] source = pages == 1 ? letter : SampleLetters.pages(pages);
            BufferedImage before = pages == 1 ? unsigned : Renderer.firstPage(source, "letter-" + pages + "-unsigned");
            AppearanceContent content = new AppearanceContent(Appearance.COPY, null, TestImages.seal(), null,
                    "Văn phòng Ủy ban nhân dân tỉnh Bình An", now, null, "SAO Y", CopySource.PAPER);
            PdfFacts facts = PdfInspector.inspect(source);
            VisibleSignature plan = layout.plan(facts, content);
            byte[] signed = signer.sign(source, signer.organisation(), layout.create(facts, content), now);

            BufferedImage page = Renderer.firstPage(signed, "copy-" + pages);

            assertThat(Renderer.count(page, new Rect(0, 0, 595, 842), Renderer::red)).as("no seal").isZero();
            Rect text = plan.text().area();
            assertThat(text.right()).isGreaterThan(520);
            assertThat(Renderer.count(page, text, Renderer::dark)).as("copy form, organisation, time")
                    .isGreaterThan(100);
            assertThat(Renderer.count(before, text, Renderer::dark)).as("nothing printed under the mark").isZero();
            // Everything the letter printed is still there: no dark pixel of the unsigned page was lost.
            assertThat(Renderer.count(before, new Rect(0, 0, 595, 842), Renderer::dark))
                    .isEqualTo(Renderer.count(page, new Rect(0, 0, 595, 842), Renderer::dark)
                            - Renderer.count(page, text, Renderer::dark));
        }
    }
}
