package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.Verdict;

/** The ETSI XML is built when asked for and skipped otherwise, with the same verdict either way. */
class EtsiReportOnRequestTest {

    @Test
    void etsiReportOnlyWhenRequested() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT);
        ValidationRequest request = ValidationRequest.of(new SignedFile("letter.pdf", signed));

        ValidationResult with = ValidationFixture.service().validate(request.withEtsiReport(true));
        ValidationResult without = ValidationFixture.service().validate(request.withEtsiReport(false));

        assertThat(new String(with.etsiReport(), StandardCharsets.UTF_8)).contains("ValidationReport");
        assertThat(without.etsiReport()).isEmpty();
        assertThat(without.report().verdict()).isEqualTo(with.report().verdict()).isEqualTo(Verdict.VALID);
        assertThat(without.report().signatures()).hasSameSizeAs(with.report().signatures());
    }
}
