package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * A detached CAdES signature needs its original. Without it the request is refused with
 * ORIGINAL_REQUIRED (the caller can fix that by attaching the file); with the wrong file the signature
 * is INVALID because the digest does not match.
 */
class DetachedSignatureTest {

    static final byte[] ORIGINAL = "Bảng kê hồ sơ kèm theo công văn số 123/UBND-VP".getBytes(
            java.nio.charset.StandardCharsets.UTF_8);

    final SignedDocument signature = ValidationFixture.signer().sign(new SignRequest(
            new Document("bang-ke.txt", ORIGINAL), "tran-thi-bich-ngoc", SignOptions.defaults(SignatureLevel.B_T)));

    @Test
    void withTheOriginalItIsValidAndCoversThatFile() {
        ValidationReport report = ValidationFixture.validate(new SignedFile(signature.name(), signature.content()),
                new SignedFile("bang-ke.txt", ORIGINAL)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.format()).isEqualTo("CAdES-BASELINE-T");
        assertThat(s.coverage().code()).isEqualTo(Coverage.DETACHED_ORIGINAL);
    }

    @Test
    void withoutTheOriginalItIsRefused() {
        assertThatThrownBy(() -> ValidationFixture.validate(new SignedFile(signature.name(), signature.content())))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.error()).isEqualTo(ValidationError.ORIGINAL_REQUIRED);
                    assertThat(e.getMessage()).contains("original");
                });
    }

    @Test
    void withAnotherFileItIsInvalid() {
        ValidationReport report = ValidationFixture.validate(new SignedFile(signature.name(), signature.content()),
                new SignedFile("bang-ke.txt", "Bảng kê đã sửa".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(report.signatures().get(0).reason().code()).isEqualTo("HASH_FAILURE");
    }
}
