package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;

class PdfInspectorTest {

    private static final float A4_WIDTH = 595.28f;
    private static final float A4_HEIGHT = 841.89f;

    @Test
    void aLetterHasItsPagesAndNoSignatureFields() {
        PdfFacts facts = PdfInspector.inspect(SampleLetters.oneLetter());

        assertThat(facts.pageCount()).isEqualTo(1);
        PageBox page = facts.page(1);
        assertThat(page.width()).isCloseTo(A4_WIDTH, within(0.01f));
        assertThat(page.height()).isCloseTo(A4_HEIGHT, within(0.01f));
        assertThat(page.rotation()).isZero();
        assertThat(facts.signatureFields()).isEmpty();
        assertThat(facts.lastPageText()).as("text runs of the last page").hasSizeGreaterThan(20)
                .allMatch(box -> box.right() <= A4_WIDTH && box.bottom() <= A4_HEIGHT);
    }

    @Test
    void countsEveryPage() {
        assertThat(PdfInspector.inspect(SampleLetters.pages(3)).pageCount()).isEqualTo(3);
    }

    @Test
    void bytesWithoutAPdfHeaderAreNotAPdf() {
        assertError("Công văn số 123".getBytes(StandardCharsets.UTF_8), SigningError.NOT_A_PDF);
        assertError(new byte[0], SigningError.NOT_A_PDF);
    }

    @Test
    void theHeaderMayFollowLeadingJunkButOnlyWithinTheFirst1024Bytes() {
        byte[] letter = SampleLetters.oneLetter();

        assertThat(PdfInspector.inspect(prefixed(100, letter)).pageCount()).isEqualTo(1);
        assertError(prefixed(1100, letter), SigningError.NOT_A_PDF);
    }

    @Test
    void aPdfWithAUserPasswordIsRefused() throws Exception {
        assertError(encrypted("user-secret", "owner-secret"), SigningError.ENCRYPTED_PDF);
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsRefusedToo() throws Exception {
        byte[] pdf = encrypted("", "owner-secret");

        // Anyone can open it, which is why a signer could otherwise miss that it is encrypted.
        try (PDDocument opened = Loader.loadPDF(pdf)) {
            assertThat(opened.isEncrypted()).isTrue();
        }
        assertError(pdf, SigningError.ENCRYPTED_PDF);
    }

    @Test
    void aTruncatedPdfIsMalformed() {
        byte[] letter = SampleLetters.oneLetter();

        assertError(Arrays.copyOf(letter, 400), SigningError.MALFORMED_DOCUMENT);
    }

    @Test
    void aGarbledPdfIsMalformed() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);

        assertError(garbage, SigningError.MALFORMED_DOCUMENT);
    }

    @Test
    void aPdfWithoutPagesIsMalformed() throws Exception {
        try (PDDocument empty = new PDDocument()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            empty.save(out);

            assertError(out.toByteArray(), SigningError.MALFORMED_DOCUMENT);
        }
    }

    @Test
    void aVisibleSignatureShowsUpWithItsRectangle() {
        SoftwareSigner signer = new SoftwareSigner();
        Decree30Layout layout = new Decree30Layout(SampleLetters.SERIF);
        byte[] letter = SampleLetters.oneLetter();
        PdfFacts before = PdfInspector.inspect(letter);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AppearanceContent content = new AppearanceContent(Appearance.PERSON, new Placement(1, 330, 520, 150, 90),
                TestImages.signature(), "Nguyễn Văn An", null, now, null, null);
        Rect expected = layout.plan(before, content).field();

        byte[] signed = signer.sign(letter, signer.person(), layout.create(before, content), now);

        PdfFacts after = PdfInspector.inspect(signed);
        assertThat(after.signatureFields()).hasSize(1);
        SignatureField field = after.signatureFields().get(0);
        assertThat(field.signed()).isTrue();
        assertThat(field.page()).isEqualTo(1);
        assertRect(field.rect(), expected);
        // The image keeps its 360 × 150 proportions inside the 150 × 90 placement.
        assertRect(field.rect(), new Rect(330, 533.75f, 150, 62.5f));
    }

    @Test
    void onARotatedPageFieldsAreReportedInTheFrameTheyWerePlacedIn() throws Exception {
        byte[] rotated;
        try (PDDocument document = Loader.loadPDF(SampleLetters.oneLetter())) {
            document.getPage(0).setRotation(90);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            rotated = out.toByteArray();
        }
        PdfFacts before = PdfInspector.inspect(rotated);
        assertThat(before.page(1).width()).isCloseTo(A4_HEIGHT, within(0.01f));
        assertThat(before.page(1).rotation()).isEqualTo(90);
        SoftwareSigner signer = new SoftwareSigner();
        Decree30Layout layout = new Decree30Layout(SampleLetters.SERIF);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AppearanceContent content = new AppearanceContent(Appearance.PERSON, new Placement(1, 600, 300, 120, 50),
                TestImages.signature(), null, null, now, null, null);

        byte[] signed = signer.sign(rotated, signer.person(), layout.create(before, content), now);

        assertRect(PdfInspector.inspect(signed).signatureFields().get(0).rect(),
                layout.plan(before, content).field());
    }

    @Test
    void messagesDoNotRevealInternals() {
        for (byte[] bad : new byte[][] {"nope".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(SampleLetters.oneLetter(), 400)}) {
            assertThatThrownBy(() -> PdfInspector.inspect(bad))
                    .isInstanceOf(SigningException.class)
                    .message()
                    .doesNotContain("/tmp", "\\", "Exception", "at org.");
        }
    }

    private static void assertError(byte[] pdf, SigningError error) {
        assertThatThrownBy(() -> PdfInspector.inspect(pdf))
                .isInstanceOf(SigningException.class)
                .satisfies(e -> assertThat(((SigningException) e).error()).isEqualTo(error));
    }

    private static void assertRect(Rect actual, Rect expected) {
        assertThat(actual.x()).isCloseTo(expected.x(), within(0.05f));
        assertThat(actual.y()).isCloseTo(expected.y(), within(0.05f));
        assertThat(actual.width()).isCloseTo(expected.width(), within(0.05f));
        assertThat(actual.height()).isCloseTo(expected.height(), within(0.05f));
    }

    private static byte[] prefixed(int junk, byte[] pdf) {
        byte[] result = new byte[junk + pdf.length];
        Arrays.fill(result, 0, junk, (byte) 'x');
        System.arraycopy(pdf, 0, result, junk, pdf.length);
        return result;
    }

    private static byte[] encrypted(String userPassword, String ownerPassword) throws Exception {
        try (PDDocument document = Loader.loadPDF(SampleLetters.oneLetter())) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
