package vn.kyso.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class CachedProbeTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-05T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void probesOncePerTtlAndReportsTheProblem() {
        HandClock clock = new HandClock();
        AtomicInteger calls = new AtomicInteger();
        String[] answer = {null};
        try (CachedProbe probe = new CachedProbe("t", () -> {
            calls.incrementAndGet();
            return answer[0];
        }, Duration.ofSeconds(10), Duration.ofSeconds(5), clock)) {
            assertThat(probe.health().getStatus()).isEqualTo(Status.UP);
            answer[0] = "gone";
            clock.now = clock.now.plusSeconds(9);
            assertThat(probe.health().getStatus()).isEqualTo(Status.UP);
            assertThat(calls).hasValue(1);

            clock.now = clock.now.plusSeconds(2);
            assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(probe.health().getDetails()).containsEntry("reason", "gone");
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aHangingDependencyIsDownAfterTheTimeoutAndIsNotProbedTwiceAtOnce() throws Exception {
        HandClock clock = new HandClock();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (CachedProbe probe = new CachedProbe("t", () -> {
            calls.incrementAndGet();
            release.await();
            return null;
        }, Duration.ofSeconds(10), Duration.ofMillis(100), clock)) {
            assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(probe.health().getDetails()).containsEntry("reason", "no answer within 100 ms");
            clock.now = clock.now.plusSeconds(11);
            assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(calls).hasValue(1);

            release.countDown();
            clock.now = clock.now.plusSeconds(11);
            assertThat(probe.health().getStatus()).isEqualTo(Status.UP);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aFailingCheckIsDownWithoutItsMessage() {
        try (CachedProbe probe = new CachedProbe("t", () -> {
            throw new java.io.IOException("/secret/path unreachable");
        }, Duration.ofSeconds(10), Duration.ofSeconds(5), new HandClock())) {
            assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(probe.health().getDetails()).containsEntry("reason", "IOException");
        }
    }
}
