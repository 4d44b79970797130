package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.validation.internal.TamperingTest.codes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Bytes after the last signed ones that are not a whole incremental update: named, and never VALID,
 * whoever signed. Line ends after the end-of-file marker and whole updates are not such bytes.
 */
class UnsignedTailTest {

    static byte[] letter;
    static byte[] trailerUnsigned;

    @BeforeAll
    static void sign() {
        letter = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        DirectSigner signer = DirectSigner.software(ValidationFixture.pki());
        trailerUnsigned = UnsignedTails.trailerLeftUnsigned(signer.pades(ValidationFixture.oneLetter(), Instant.now()),
                signer);
    }

    @Test
    void aSignatureThatLeavesItsOwnTrailerUnsignedIsNamedAndNotValid() {
        ValidationReport report = validate(trailerUnsigned);

        // the signature itself verifies over what it covers: the tail alone keeps the document from VALID
        assertThat(report.signatures().get(0).reason().code()).as(report.toString())
                .isNotIn("HASH_FAILURE", "SIG_CRYPTO_FAILURE", "FORMAT_FAILURE");
        assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(codes(report.findings())).contains(ReportAssembler.UNSIGNED_TAIL);
        assertThat(report.summary().en() + report.summary().vi()).as(report.toString())
                .containsAnyOf("stops short", "không phủ hết");
    }

    @Test
    void bytesAppendedAfterTheSignedRevisionAreNamedAndNotValid() {
        ValidationReport report = validate(PdfAttacks.concat(letter, bytes("\n% kyso\n1 0 obj\n<< >>\nendobj\n")));

        assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(codes(report.findings())).contains(ReportAssembler.INCOMPLETE_REVISION);
    }

    @Test
    void theUntouchedLetterAndLineEndsAfterItsEndOfFileStayValid() {
        for (byte[] pdf : new byte[][] {letter, PdfAttacks.concat(letter, bytes("\r\n\n  \n"))}) {
            ValidationReport report = validate(pdf);

            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void aWholeUpdateAfterTheSignatureIsAChangeNotAnUnsignedTail() {
        ValidationReport report = validate(PdfAttacks.redefinedObject(letter));

        assertThat(codes(report.findings())).contains(ReportAssembler.MODIFIED_AFTER_SIGNING)
                .doesNotContain(ReportAssembler.UNSIGNED_TAIL, ReportAssembler.INCOMPLETE_REVISION);
    }

    @Test
    void signedBytesEndARevisionOnlyAtAnEndOfFileMarkerGiveOrTakeLineEnds() {
        byte[] pdf = bytes("%PDF-1.7\n1 0 obj\n<< >>\nendobj\nxref\ntrailer\n<< >>\nstartxref\n9\n%%EOF\r\n"
                + "2 0 obj\n<< >>\nendobj\nstartxref\n40\n%%EOF\n");
        PdfRevisions revisions = PdfRevisions.of(pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int first = text.indexOf("%%EOF") + 5;

        assertThat(revisions.endsRevision(pdf, first)).isTrue();
        assertThat(revisions.endsRevision(pdf, first + 2)).isTrue();
        assertThat(revisions.endsRevision(pdf, pdf.length)).isTrue();
        assertThat(revisions.endsRevision(pdf, text.indexOf("trailer"))).isFalse();
        assertThat(revisions.endsRevision(pdf, first + 4)).isFalse();
        assertThat(revisions.endsRevision(pdf, text.lastIndexOf("startxref"))).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ValidationReport validate(byte[] pdf) {
        return ValidationFixture.validate(pdf).report();
    }
}
