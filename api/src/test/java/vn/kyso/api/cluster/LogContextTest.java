package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import vn.kyso.core.logging.LogContext;

/**
 * Core's {@link LogContext}, tested here: core's tests log through slf4j-simple, whose MDC keeps nothing,
 * while the service logs through Logback as here.
 */
class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aTaskForAnotherThreadCarriesTheRequestIdThatQueuedItAndItsJobId() throws Exception {
        MDC.put("requestId", "req-42");
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();
        Runnable task = LogContext.carrying("archive-job-7", () -> seen.set(MDC.getCopyOfContextMap()));
        MDC.clear();
        Thread worker = new Thread(task);
        worker.start();
        worker.join();
        assertThat(seen.get()).containsEntry("requestId", "req-42").containsEntry(LogContext.JOB_ID, "archive-job-7");
    }

    @Test
    void theWorkerThreadsOwnContextComesBackAfterTheTask() {
        Runnable task = LogContext.carrying("job-1", () -> assertThat(MDC.get("requestId")).isNull());
        MDC.put("other", "kept");
        task.run();
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(new HashMap<>(Map.of("other", "kept")));
    }

    @Test
    void eachRunOfAScheduledJobGetsItsOwnRunId() {
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        LogContext.runAsJob("fixity", () -> first.set(MDC.get(LogContext.JOB_ID)));
        LogContext.runAsJob("fixity", () -> second.set(MDC.get(LogContext.JOB_ID)));
        assertThat(first.get()).matches("fixity-[0-9a-f]{8}");
        assertThat(second.get()).matches("fixity-[0-9a-f]{8}").isNotEqualTo(first.get());
        assertThat(MDC.get(LogContext.JOB_ID)).isNull();
    }
}
