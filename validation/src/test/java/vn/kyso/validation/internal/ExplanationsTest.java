package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Verdict;

/** Every DSS outcome has a plain reason in both languages, and times read as Vietnam time. */
class ExplanationsTest {

    @ParameterizedTest
    @EnumSource(SubIndication.class)
    void everySubIndicationHasAPlainReasonInBothLanguages(SubIndication sub) {
        assertThat(Reasons.has(sub)).isTrue();
        Explanation e = Reasons.explain(Indication.INDETERMINATE, sub);
        assertThat(e.code()).isEqualTo(sub.name());
        assertThat(e.vi()).isNotBlank().doesNotContain("_").matches(".*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ].*");
        assertThat(e.en()).isNotBlank().doesNotContain("_");
    }

    @Test
    void indicationsMapOntoVerdicts() {
        assertThat(Reasons.verdict(Indication.TOTAL_PASSED)).isEqualTo(Verdict.VALID);
        assertThat(Reasons.verdict(Indication.TOTAL_FAILED)).isEqualTo(Verdict.INVALID);
        assertThat(Reasons.verdict(Indication.INDETERMINATE)).isEqualTo(Verdict.INDETERMINATE);
        assertThat(Reasons.verdict(null)).isEqualTo(Verdict.INDETERMINATE);
        assertThat(Reasons.explain(Indication.TOTAL_PASSED, null)).isEqualTo(Reasons.VALID);
        assertThat(Reasons.explain(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE).vi())
                .isEqualTo("Nội dung đã bị thay đổi sau khi ký");
        assertThat(Reasons.explain(Indication.TOTAL_FAILED, null).code()).isEqualTo("INVALID");
    }

    @Test
    void timesAreShownInVietnamTime() {
        assertThat(VnTime.format(Instant.parse("2026-11-22T03:15:30.123Z"))).isEqualTo("2026-11-22T10:15:30+07:00");
        assertThat(VnTime.format(null)).isEqualTo("—");
    }
}
