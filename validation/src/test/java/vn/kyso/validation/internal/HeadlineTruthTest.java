package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;

/** The headline and the signature cards tell the truth: what changed, and who is not trusted, together. */
class HeadlineTruthTest {

    static byte[] signed;
    static DssValidationService publicOnly;

    @BeforeAll
    static void sign() {
        // a specialised-family signer, judged by a service that trusts only the public family
        signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        publicOnly = ValidationFixture.newService(ValidationFixture.trusting(KeyFamily.PUBLIC));
    }

    @AfterAll
    static void close() {
        publicOnly.close();
    }

    @Test
    void anUntrustedSignerAndAChangedPageAreBothInTheHeadline() {
        ValidationReport report = untrusted(PdfTampering.appendText(signed, "DA THANH TOAN"));

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(report.summary().vi()).startsWith("Văn bản KHÔNG hợp lệ — nội dung đã bị thay đổi sau chữ ký cuối cùng; ")
                .contains("không thuộc hệ thống tin cậy");
        assertThat(report.summary().en()).startsWith("INVALID document — the content was changed after the last signature; ")
                .contains("does not belong to a trusted system");
        SignatureReport s = report.signatures().get(0);
        assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(s.reason().code()).startsWith("NO_CERTIFICATE_CHAIN_FOUND");
    }

    @Test
    void anUntrustedSignerOfAnUnchangedLetterIsOnlyUntrusted() {
        ValidationReport report = untrusted(signed);

        assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(report.summary().en()).contains("does not belong to a trusted system").doesNotContain("changed");
    }

    @Test
    void anUntrustedSignerAndACrossReferenceTrickAreBothInTheHeadline() {
        ValidationReport report = untrusted(PdfAttacks.sharedOffsetShadow(signed));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.summary().en()).contains("shadow attack", "does not belong to a trusted system");
    }

    @Test
    void noSignatureCardIsGreenWhenATrickFollowsIt() {
        ValidationReport report = ValidationFixture.validate(PdfAttacks.sharedOffsetShadow(signed)).report();

        SignatureReport s = report.signatures().get(0);
        assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(s.reason().code()).isEqualTo(ReportAssembler.MODIFIED_AFTER_SIGNING);
        assertThat(s.reason().en()).contains("shadow attack");
        // the headline does not repeat the same trick twice
        assertThat(report.summary().en()).doesNotContain("; ");
    }

    private static ValidationReport untrusted(byte[] pdf) {
        return publicOnly.validate(ValidationRequest.of(new SignedFile("cong-van.pdf", pdf))).report();
    }
}
