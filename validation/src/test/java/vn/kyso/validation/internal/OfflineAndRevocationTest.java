package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;

/** Offline and with responders down, missing revocation evidence means "cannot decide", never a guess. */
class OfflineAndRevocationTest {

    final DemoPki pki = ValidationFixture.pki();

    @Test
    void offlineABasicSignatureCannotBeDecidedButALongTermOneCan() {
        byte[] basic = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        byte[] longTerm = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT);
        try (DssValidationService offline = ValidationFixture.newService(ValidationFixture.offlineSettings())) {
            ValidationReport b = offline.validate(ValidationRequest.of(new SignedFile("b.pdf", basic))).report();
            assertThat(b.verdict()).isEqualTo(Verdict.INDETERMINATE);
            SignatureReport s = b.signatures().get(0);
            assertThat(s.reason().vi()).startsWith("Không thể kết luận khi kiểm tra ngoại tuyến");
            assertThat(s.reason().en()).startsWith("Cannot decide offline");
            assertThat(s.revocation().status()).isEqualTo("NOT_CHECKED");
            assertThat(offline.cachedRevocationResponses()).isZero();

            ValidationReport lt = offline.validate(ValidationRequest.of(new SignedFile("lt.pdf", longTerm))).report();
            assertThat(lt.verdict()).as(lt.toString()).isEqualTo(Verdict.VALID);
            assertThat(lt.signatures().get(0).revocation().status()).isEqualTo("GOOD");
        }
    }

    @Test
    void revocationAnswersAreCachedAndAnOutageWithoutThemCannotBeDecided() {
        byte[] basic = ValidationFixture.sign(ValidationFixture.oneLetter(), "cong-ty-sao-mai", SignatureLevel.B_B);
        SignedFile file = new SignedFile("b.pdf", basic);
        try (DssValidationService warm = ValidationFixture.newService(ValidationFixture.settings());
             DssValidationService cold = ValidationFixture.newService(ValidationFixture.settings())) {
            assertThat(warm.validate(ValidationRequest.of(file)).report().verdict()).isEqualTo(Verdict.VALID);
            assertThat(warm.cachedRevocationResponses()).isPositive();
            pki.setRespondersAvailable(false);
            try {
                assertThat(warm.validate(ValidationRequest.of(file)).report().verdict()).isEqualTo(Verdict.VALID);

                ValidationReport report = cold.validate(ValidationRequest.of(file)).report();
                assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
                assertThat(report.signatures().get(0).reason().vi())
                        .isEqualTo("Không thể kiểm tra trạng thái thu hồi — chưa đủ cơ sở kết luận");
            } finally {
                pki.setRespondersAvailable(true);
            }
        }
    }
}
