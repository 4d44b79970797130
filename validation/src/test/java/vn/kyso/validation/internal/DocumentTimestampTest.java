package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.validation.internal.TamperingTest.codes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/** A PDF with only document time-stamps reports each of them, never "no signature". */
class DocumentTimestampTest {

    static byte[] once;
    static byte[] twice;

    @BeforeAll
    static void timestamp() {
        once = DirectSigner.documentTimestamp(ValidationFixture.pki(), ValidationFixture.oneLetter());
        twice = DirectSigner.documentTimestamp(ValidationFixture.pki(), once);
    }

    @Test
    void aTimeStampedLetterHasAVerdictForItsTimeStamp() {
        ValidationReport report = ValidationFixture.validate(once).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(1);
        SignatureReport t = report.signatures().get(0);
        assertThat(t.format()).isEqualTo(DocumentTimestamps.FORMAT);
        assertThat(t.verdict()).isEqualTo(Verdict.VALID);
        assertThat(t.reason().vi()).isEqualTo("Dấu thời gian hợp lệ");
        assertThat(t.signerName()).isNotBlank().isNotEqualTo("—");
        assertThat(t.claimedSigningTime()).isNotNull();
        assertThat(t.timestamps()).extracting(SignatureReport.TimestampInfo::type).containsExactly("DOCUMENT_TIMESTAMP");
        assertThat(t.coverage().code()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(report.summary().vi()).startsWith("Văn bản hợp lệ — có dấu thời gian của " + t.signerName());
        assertThat(report.summary().en()).startsWith("Valid document — time-stamped by ");
    }

    @Test
    void eachOfTwoTimeStampsHasItsVerdictInOrder() {
        ValidationReport report = ValidationFixture.validate(twice).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(2).extracting(SignatureReport::format)
                .containsOnly(DocumentTimestamps.FORMAT);
        assertThat(report.signatures().get(0).coverage().code()).isEqualTo(Coverage.REVISION);
        assertThat(report.signatures().get(1).coverage().code()).isEqualTo(Coverage.WHOLE_DOCUMENT);
        assertThat(codes(report.signatures().get(0).changesAfterSigning())).doesNotContain(PdfChanges.FORM_CHANGED,
                PdfChanges.ANNOTATIONS_CHANGED, PdfChanges.CONTENT_CHANGED);
    }

    @Test
    void theRevisionEachTimeStampCoveredCanBeDownloaded() {
        ValidationReport report = ValidationFixture.validate(twice).report();
        var file = new vn.kyso.validation.SignedFile("a.pdf", twice);

        byte[] first = ValidationFixture.service().signedRevision(file, report.signatures().get(0).id())
                .orElseThrow().content();

        assertThat(first).isEqualTo(java.util.Arrays.copyOf(once, first.length));
        assertThat(once.length - first.length).isBetween(0, 2);
        assertThat(ValidationFixture.service().signedRevision(file, report.signatures().get(1).id())
                .orElseThrow().content()).isEqualTo(twice);
    }

    @Test
    void aTimeStampedLetterChangedAfterwardsIsRed() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.appendText(once, "SUA SAU")).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(report.signatures()).extracting(SignatureReport::verdict).containsExactly(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.CONTENT_CHANGED);
    }

    @Test
    void aTimeStampWhoseTokenIsGarbageIsABrokenSignature() {
        ValidationReport report = ValidationFixture.validate(PdfAttacksTest.garbageContents(once)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfSignatureFields.SIGNATURE_BROKEN);
    }
}
