package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.Verdict;
import vn.kyso.core.testing.Eventually;

/** Many callers share one service; at most maxConcurrent validations run, the rest wait their turn. */
class ConcurrencyTest {

    @Test
    void parallelCallersGetCorrectIndependentAnswers() throws Exception {
        byte[] valid = ValidationFixture.sign(ValidationFixture.oneLetter(), "pham-thu-ha", SignatureLevel.B_LT);
        byte[] tampered = PdfTampering.flipContentByte(valid);
        ValidationSettings s = ValidationFixture.settings();
        try (DssValidationService service = new DssValidationService(new ValidationSettings(s.trustStores(), false,
                null, null, 0, Duration.ofSeconds(60), 2, s.fetch()), Clock.systemUTC())) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<Verdict>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] doc = i % 2 == 0 ? valid : tampered;
                answers.add(callers.submit(() -> service.validate(ValidationRequest.of(new SignedFile("x.pdf", doc)))
                        .report().verdict()));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo(i % 2 == 0 ? Verdict.VALID : Verdict.INVALID);
            }
            callers.shutdown();
            // a worker counts as active until it has handed its result over and returned to the pool
            Eventually.until(Duration.ofSeconds(2), service::validationsInProgress, n -> n == 0);
            assertThat(service.validationsInProgress()).isZero();
        }
    }
}
