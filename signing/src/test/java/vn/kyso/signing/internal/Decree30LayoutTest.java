package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import eu.europa.esig.dss.enumerations.VisualSignatureRotation;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.ErrorKind;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.PdfFacts.TextBox;
import vn.kyso.signing.internal.VisibleSignature.TextSide;

/** The Decree 30 geometry and its refusals, without signing anything. */
class Decree30LayoutTest {

    private static final Decree30Layout LAYOUT = new Decree30Layout(SampleLetters.SERIF);
    private static final PageBox A4 = new PageBox(595.28f, 841.89f, 0);
    /** 10:15:30 in Hà Nội. */
    private static final Instant SIGNED_AT = Instant.parse("2026-11-22T03:15:30Z");
    private static final float MM = 72f / 25.4f;

    private static final PdfFacts LETTER = PdfInspector.inspect(SampleLetters.oneLetter());
    private static final SignatureField PERSON_FIELD = new SignatureField("Signature1", 1, 315, 540, 170, 70, true);

    @Test
    void aMissingFontFailsAtStartUpWithAClearMessage() {
        assertThatThrownBy(() -> new Decree30Layout(Path.of("/nonexistent/LiberationSerif-Regular.ttf")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("font file not found");
    }

    @Test
    void aFileThatIsNotAFontFailsAtStartUp(@TempDir Path directory) throws Exception {
        Path notAFont = Files.writeString(directory.resolve("serif.ttf"), "not a font");

        assertThatThrownBy(() -> new Decree30Layout(notAFont))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a readable TrueType font");
    }

    @Test
    void anInvisibleSignatureHasNoParameters() {
        assertThat(LAYOUT.create(LETTER, content(Appearance.NONE, null, null))).isNull();
    }

    @Test
    void personDefaultsToTheSpaceBetweenTitleAndNameOnTheLastPage() {
        VisibleSignature plan = LAYOUT.plan(LETTER, content(Appearance.PERSON, null, TestImages.signature()));

        Rect field = plan.field();
        assertThat(plan.page()).isEqualTo(1);
        assertThat(plan.text()).as("image only").isNull();
        assertThat(field.centerX()).as("centred on the signature block").isCloseTo(405f, within(3f));
        assertThat(field.height()).isCloseTo(Decree30Layout.PERSON_HEIGHT, within(0.5f));
        assertThat(LETTER.lastPageText()).as("lies in blank space")
                .noneMatch(run -> overlaps(field, new Rect(run.x(), run.y(), run.width(), run.height())));
        assertThat(LETTER.lastPageText()).as("text just above (the title) and just below (the name)")
                .anyMatch(run -> run.bottom() <= field.y() && field.y() - run.bottom() < 20 && run.x() > 297)
                .anyMatch(run -> run.y() >= field.bottom() && run.y() - field.bottom() < 20 && run.x() > 297);
    }

    @Test
    void personGoesOnTheLastPageOfALongerLetter() {
        PdfFacts threePages = PdfInspector.inspect(SampleLetters.pages(3));

        assertThat(LAYOUT.plan(threePages, content(Appearance.PERSON, null, TestImages.signature())).page())
                .isEqualTo(3);
    }

    @Test
    void personOnAPageWithoutTextGoesBottomRight() {
        PdfFacts blank = new PdfFacts(1, List.of(A4), List.of());

        Rect field = LAYOUT.plan(blank, content(Appearance.PERSON, null, TestImages.signature())).field();

        assertThat(field.right()).isCloseTo(595.28f - 72, within(1f));
        assertThat(field.y()).isGreaterThan(500);
    }

    @Test
    void personNeedsATransparentPng() {
        assertInvalid(content(Appearance.PERSON, null, null), "required");
        assertInvalid(content(Appearance.PERSON, null, "GIF89a not a png".getBytes()), "PNG");
        assertInvalid(content(Appearance.PERSON, null, TestImages.opaque()), "transparent");
    }

    @Test
    void anExplicitPlacementMustBeOnAnExistingPage() {
        byte[] image = TestImages.signature();
        assertInvalid(content(Appearance.PERSON, new Placement(2, 10, 10, 100, 50), image), "Page 2 does not exist");
        assertInvalid(content(Appearance.PERSON, new Placement(1, 500, 10, 100, 50), image), "goes beyond page 1");
        assertInvalid(content(Appearance.PERSON, new Placement(1, 10, 800, 100, 50), image), "goes beyond page 1");

        PdfFacts threePages = PdfInspector.inspect(SampleLetters.pages(3));
        assertThat(LAYOUT.plan(threePages, content(Appearance.PERSON, new Placement(0, 10, 10, 120, 50), image))
                .page()).as("page 0 is the last page").isEqualTo(3);
    }

    @Test
    void theSealCoversTheLeftThirdOfThePersonsSignature() {
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD));

        VisibleSignature plan = LAYOUT.plan(signed, organisation(null));

        Rect seal = plan.imageArea();
        assertThat(seal.width()).isEqualTo(seal.height()).isEqualTo(Decree30Layout.SEAL_MIN);
        assertThat(seal.right()).isCloseTo(315 + 170 / 3f, within(0.01f));
        assertThat(seal.centerY()).isCloseTo(575, within(0.01f));
        assertThat(plan.text().side()).isEqualTo(TextSide.LEFT_OF_IMAGE);
        assertThat(plan.text().lines()).containsExactly("Ủy ban nhân dân tỉnh Bình An", "2026-11-22T10:15:30+07:00");
        assertThat(plan.text().fontSize()).isEqualTo(Decree30Layout.SEAL_INFO_FONT_SIZE);
        assertThat(plan.field().right()).isCloseTo(seal.right(), within(0.01f));
        assertThat(plan.text().area().right()).isCloseTo(seal.x(), within(0.01f));
    }

    @Test
    void theSealFollowsTheMostRecentVisibleSignatureAndKeepsToRealSealSizes() {
        SignatureField tall = new SignatureField("Signature2", 1, 300, 300, 200, 150, true);
        SignatureField unsigned = new SignatureField("Empty", 1, 50, 50, 200, 150, false);
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD, tall, unsigned));

        Rect seal = LAYOUT.plan(signed, organisation(null)).imageArea();

        assertThat(seal.width()).as("1.3 × 150 clamped").isEqualTo(Decree30Layout.SEAL_MAX);
        assertThat(seal.right()).isCloseTo(300 + 200 / 3f, within(0.01f));
    }

    @Test
    void nearTheLeftEdgeTheSealInformationGoesUnderTheSeal() {
        SignatureField leftSide = new SignatureField("Signature1", 1, 60, 400, 170, 70, true);
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(leftSide));

        VisibleSignature plan = LAYOUT.plan(signed, organisation(null));

        assertThat(plan.text().side()).isEqualTo(TextSide.BELOW_IMAGE);
        assertThat(plan.text().area().y()).isCloseTo(plan.imageArea().bottom(), within(0.01f));
        assertThat(plan.field().x()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theOrganisationSignsAfterThePerson() {
        assertInvalid(organisation(null), "Sign as the person first");
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD));
        assertThatThrownBy(() -> LAYOUT.plan(signed, new AppearanceContent(Appearance.ORGANISATION, null,
                TestImages.seal(), null, " ", SIGNED_AT, null, null)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("organisation name is required");
    }

    @Test
    void anExplicitSealPlacementKeepsTheSealSquareAtItsRightEnd() {
        VisibleSignature plan = LAYOUT.plan(LETTER, organisation(new Placement(1, 100, 500, 300, 110)));

        Rect seal = plan.imageArea();
        assertThat(seal.x()).isCloseTo(290, within(0.01f));
        assertThat(seal.y()).isCloseTo(500, within(0.01f));
        assertThat(seal.width()).isEqualTo(seal.height()).isEqualTo(110);
        assertThat(plan.field().right()).isCloseTo(400, within(0.01f));
        assertThat(plan.text().area().right()).isCloseTo(290, within(0.01f));
        assertInvalid(organisation(new Placement(1, 100, 500, 150, 140)), "too small");
    }

    @Test
    void attachmentShowsNumberAndTimeAtTheTopRightOfPageOne() {
        PdfFacts threePages = PdfInspector.inspect(SampleLetters.pages(3));

        VisibleSignature plan = LAYOUT.plan(threePages, attachment("123/UBND-VP"));

        assertThat(plan.page()).isEqualTo(1);
        assertThat(plan.png()).isNull();
        assertThat(plan.text().lines()).containsExactly("123/UBND-VP", "2026-11-22T10:15:30+07:00");
        assertThat(plan.text().fontSize()).isEqualTo(10f);
        assertThat(plan.field().right()).isCloseTo(595.28f - 15 * MM, within(0.01f));
        assertThat(plan.field().y()).isCloseTo(4 * MM, within(0.01f));
        assertThat(plan.field().bottom()).as("inside the 20 mm top margin").isLessThan(20 * MM);
    }

    @Test
    void attachmentNeedsTheDocumentNumber() {
        assertInvalid(attachment(null), "document number and symbol is required");
    }

    @Test
    void aLongDocumentNumberIsWrappedToStayOnThePage() {
        String number = "1234/QĐ-UBND-VPUBND-KTTH-NCPC-" + "X".repeat(60);

        VisibleSignature plan = LAYOUT.plan(LETTER, attachment(number));

        assertThat(plan.text().lines()).hasSizeGreaterThan(2);
        assertThat(String.join("", plan.text().lines().subList(0, plan.text().lines().size() - 1)))
                .isEqualTo(number);
        assertThat(plan.field().x()).isGreaterThan(0);
    }

    // Issue #12: the copy mark is text only (a 40 mm seal image covered the national title, the motto
    // and the date), so the old expectation of a seal at the top right was wrong and is replaced.
    @Test
    void copyIsTextOnlyAtTheTopRightOfPageOneClearOfPrintedText() {
        VisibleSignature plan = LAYOUT.plan(LETTER, copy("Sao y", CopySource.PAPER));

        assertThat(plan.page()).isEqualTo(1);
        assertThat(plan.png()).isNull();
        assertThat(plan.imageArea()).isNull();
        assertThat(plan.text().lines())
                .containsExactly("SAO Y", "Văn phòng Ủy ban nhân dân tỉnh Bình An", "2026-11-22T10:15:30+07:00");
        assertThat(plan.text().fontSize()).isEqualTo(10f);
        assertThat(plan.field().right()).isCloseTo(595.28f - 15 * MM, within(0.01f));
        assertThat(LETTER.firstPageText()).as("the sample letter has a text layer").isNotEmpty();
        assertThat(LETTER.firstPageText())
                .noneMatch(run -> overlaps(plan.field(), new Rect(run.x(), run.y(), run.width(), run.height())));
    }

    @Test
    void copyMovesDownPastTextPrintedInTheTopMargin() {
        TextBox header = new TextBox(300, 5, 280, 60);
        PdfFacts crowded = new PdfFacts(1, List.of(A4), List.of(), List.of(header), List.of(header));

        VisibleSignature plan = LAYOUT.plan(crowded, copy("TRÍCH SAO", CopySource.ELECTRONIC));

        assertThat(plan.field().y()).isGreaterThanOrEqualTo(header.bottom() + CopyMark.CLEARANCE);
        assertThat(plan.field().y()).isLessThan(header.bottom() + CopyMark.CLEARANCE + 1.01f);
        assertThat(plan.text().lines().get(0)).isEqualTo("TRÍCH SAO");
    }

    @Test
    void copyWithoutFreeSpaceAtTheTopIsRefusedRatherThanDrawnOverText() {
        TextBox full = new TextBox(0, 0, 595, 400);
        PdfFacts covered = new PdfFacts(1, List.of(A4), List.of(), List.of(full), List.of(full));

        assertThatThrownBy(() -> LAYOUT.plan(covered, copy("SAO LỤC", CopySource.PAPER)))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("no free space")
                .satisfies(e -> assertThat(((SigningException) e).error()).isEqualTo(SigningError.APPEARANCE_INVALID));
    }

    @Test
    void theThreeFormsOfCopyAreAcceptedInAnyLetterCase() {
        assertThat(LAYOUT.plan(LETTER, copy("sao lục", CopySource.PAPER)).text().lines().get(0)).isEqualTo("SAO LỤC");
        assertThat(LAYOUT.plan(LETTER, copy(" Trích  sao ", CopySource.PAPER)).text().lines().get(0))
                .isEqualTo("TRÍCH SAO");
        assertThat(LAYOUT.plan(LETTER, copy("SAO Y", CopySource.PAPER)).text().lines().get(0)).isEqualTo("SAO Y");
    }

    @Test
    void anyOtherFormOfCopyIsRefusedInVietnameseAndEnglish() {
        for (String form : new String[] {"Bản sao", "SAO Y BẢN CHÍNH", "Copy", null}) {
            assertCopyRefused(copy(form, CopySource.PAPER), SigningError.COPY_FORM_INVALID,
                    "must be exactly SAO Y, SAO LỤC or TRÍCH SAO", "Hình thức sao phải là");
        }
    }

    @Test
    void anElectronicSourceIsCopiedOnlyAsAnExtract() {
        assertCopyRefused(copy("SAO Y", CopySource.ELECTRONIC), SigningError.COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE,
                "can only be TRÍCH SAO", "chỉ được thực hiện bằng hình thức TRÍCH SAO");
        assertCopyRefused(copy("Sao lục", CopySource.ELECTRONIC), SigningError.COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE,
                "not SAO LỤC", "không được SAO LỤC");
        assertThat(LAYOUT.plan(LETTER, copy("Trích sao", CopySource.ELECTRONIC)).text().lines().get(0))
                .isEqualTo("TRÍCH SAO");
    }

    @Test
    void aCopyMustSayWhatItIsMadeFrom() {
        assertCopyRefused(copy("SAO Y", null), SigningError.COPY_SOURCE_MISSING, "PAPER", "bản giấy");
    }

    @Test
    void copyNeedsItsOrganisationButNoImage() {
        assertThat(LAYOUT.plan(LETTER, new AppearanceContent(Appearance.COPY, null, null, null, "Văn phòng",
                SIGNED_AT, null, "SAO Y", CopySource.PAPER)).png()).isNull();
        assertInvalid(new AppearanceContent(Appearance.COPY, null, null, null, null, SIGNED_AT, null,
                "Trích sao", CopySource.PAPER), "organisation name is required");
    }

    @Test
    void aCopyGivenAPlacementIsTextOnlyInsideIt() {
        VisibleSignature plan = LAYOUT.plan(LETTER, new AppearanceContent(Appearance.COPY,
                new Placement(1, 300, 100, 250, 60), TestImages.seal(), null, "Văn phòng", SIGNED_AT, null,
                "SAO Y", CopySource.PAPER));

        assertThat(plan.png()).isNull();
        assertThat(plan.field().right()).isCloseTo(550f, within(0.01f));
        assertThat(plan.field().y()).isCloseTo(100f, within(0.01f));
    }

    private static AppearanceContent copy(String form, CopySource source) {
        return new AppearanceContent(Appearance.COPY, null, TestImages.seal(), null,
                "Văn phòng Ủy ban nhân dân tỉnh Bình An", SIGNED_AT, null, form, source);
    }

    private static void assertCopyRefused(AppearanceContent content, SigningError error, String english,
            String vietnamese) {
        assertThatThrownBy(() -> LAYOUT.plan(LETTER, content))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining(english)
                .satisfies(e -> {
                    SigningException se = (SigningException) e;
                    assertThat(se.error()).isEqualTo(error);
                    assertThat(se.error().kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(se.messageVi()).contains(vietnamese);
                });
    }

    @Test
    void textIsNormalisedToPrecomposedLetters() {
        String decomposed = "U\u0309y ban nha\u0302n da\u0302n"; // "Ủy ban nhân dân" typed with combining marks
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD));

        VisibleSignature plan = LAYOUT.plan(signed, new AppearanceContent(Appearance.ORGANISATION, null,
                TestImages.seal(), null, decomposed, SIGNED_AT, null, null));

        assertThat(plan.text().lines().get(0)).isEqualTo("Ủy ban nhân dân");
    }

    @Test
    void charactersTheFontCannotShowAreRefused() {
        assertInvalid(attachment("123/UBND \uD83D\uDE00"), "U+1F600");
    }

    @Test
    void dssParametersCarryTheFieldTheTextAndAFreshFontEachTime() {
        SignatureImageParameters first = LAYOUT.create(LETTER, attachment("123/UBND-VP"));
        SignatureImageParameters second = LAYOUT.create(LETTER, attachment("123/UBND-VP"));

        Rect planned = LAYOUT.plan(LETTER, attachment("123/UBND-VP")).field();
        SignatureFieldParameters field = first.getFieldParameters();
        assertThat(field.getPage()).isEqualTo(1);
        assertThat(new Rect(field.getOriginX(), field.getOriginY(), field.getWidth(), field.getHeight()))
                .isEqualTo(planned);
        assertThat(field.getRotation()).isEqualTo(VisualSignatureRotation.AUTOMATIC);
        assertThat(first.getImage()).isNull();
        assertThat(first.getTextParameters().getText()).isEqualTo("123/UBND-VP\n2026-11-22T10:15:30+07:00");
        assertThat(first.getTextParameters().getBackgroundColor()).as("transparent").isNull();
        assertThat(first.getTextParameters().getFont()).isInstanceOf(DSSFileFont.class);
        DSSFileFont font = (DSSFileFont) first.getTextParameters().getFont();
        assertThat(font.isEmbedFontSubset()).isTrue();
        assertThat(font.getSize()).isEqualTo(10f);
        assertThat(second.getTextParameters().getFont()).isNotSameAs(font);
    }

    @Test
    void oneLayoutServesManyThreads() throws Exception {
        PdfFacts signed = new PdfFacts(1, List.of(A4), List.of(PERSON_FIELD));
        VisibleSignature expected = LAYOUT.plan(signed, organisation(null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<VisibleSignature> task = () -> {
                LAYOUT.create(signed, organisation(null));
                return LAYOUT.plan(signed, organisation(null));
            };
            List<Future<VisibleSignature>> results = pool.invokeAll(java.util.Collections.nCopies(64, task));
            for (Future<VisibleSignature> result : results) {
                VisibleSignature plan = result.get();
                assertThat(plan.field()).isEqualTo(expected.field());
                assertThat(plan.text()).isEqualTo(expected.text());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static AppearanceContent content(Appearance appearance, Placement placement, byte[] image) {
        return new AppearanceContent(appearance, placement, image, "Nguyễn Văn An", SampleLetters.ISSUER, SIGNED_AT,
                null, null);
    }

    private static AppearanceContent organisation(Placement placement) {
        return new AppearanceContent(Appearance.ORGANISATION, placement, TestImages.seal(), null,
                SampleLetters.ISSUER, SIGNED_AT, null, null);
    }

    private static AppearanceContent attachment(String number) {
        return new AppearanceContent(Appearance.ATTACHMENT, null, null, null, SampleLetters.ISSUER, SIGNED_AT,
                number, null);
    }

    private static void assertInvalid(AppearanceContent content, String messagePart) {
        assertThatThrownBy(() -> LAYOUT.plan(LETTER, content))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((SigningException) e).error()).isEqualTo(SigningError.APPEARANCE_INVALID));
    }

    private static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
    }
}
