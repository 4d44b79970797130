package vn.kyso.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.kyso.core.testing.Eventually;

class RevocationCacheTest {

    static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");
    static final RevocationKey KEY = new RevocationKey(RevocationKey.Kind.OCSP, "cert", "issuer");

    final MutableClock clock = new MutableClock(T0);
    final RevocationCache cache = new RevocationCache(
            new RevocationCache.Settings(Duration.ofHours(1), Duration.ofSeconds(30), 100, 2, Duration.ZERO), clock);
    final AtomicInteger fetches = new AtomicInteger();

    /** A responder that answers "issued now" with a nextUpdate one day later, counting its calls. */
    Supplier<RevocationAnswer<String>> responder() {
        return () -> {
            int n = fetches.incrementAndGet();
            Instant now = clock.instant();
            return new RevocationAnswer<>("answer-" + n, now, now.plus(Duration.ofDays(1)));
        };
    }

    @Test
    void validationReusesAValidAnswer() {
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-1");
        assertThat(fetches).hasValue(1);
        // never longer than maxAge, even though nextUpdate is a day away
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-2");
    }

    @Test
    void anAnswerIsNotServedPastItsNextUpdate() {
        Supplier<RevocationAnswer<String>> shortLived = () -> {
            fetches.incrementAndGet();
            return new RevocationAnswer<>("short-" + fetches.get(), clock.instant(),
                    clock.instant().plusSeconds(60));
        };
        cache.get(KEY, null, shortLived);
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.get(KEY, null, shortLived)).isEqualTo("short-2");
    }

    @Test
    void signingGetsOnlyAnAnswerIssuedAfterItsTimeStamp() {
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-1");
        clock.advance(Duration.ofSeconds(5));
        Instant timeStamp = clock.instant();
        clock.advance(Duration.ofMillis(300));

        assertThat(cache.get(KEY, timeStamp, responder())).isEqualTo("answer-2");
        // and a second signature time-stamped before that answer shares it
        assertThat(cache.get(KEY, timeStamp, responder())).isEqualTo("answer-2");
        assertThat(fetches).hasValue(2);
        // the fresh answer replaced the old one for validation too
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-2");
    }

    @Test
    void aStaleAnswerIsFetchedAgainThenGivenBackAsItIsForTheCallerToRefuse() {
        Instant issued = T0.minus(Duration.ofMinutes(10));
        Supplier<RevocationAnswer<String>> preProduced = () -> {
            fetches.incrementAndGet();
            return new RevocationAnswer<>("pre-produced", issued, T0.plus(Duration.ofHours(1)));
        };
        assertThat(cache.get(KEY, T0, preProduced)).isEqualTo("pre-produced");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailureIsRememberedBrieflySoADeadResponderIsNotHammered() {
        Supplier<RevocationAnswer<String>> dead = () -> {
            fetches.incrementAndGet();
            throw new IllegalStateException("connection refused");
        };
        assertThat(cache.get(KEY, null, dead)).isNull();
        assertThat(cache.get(KEY, T0, dead)).isNull();
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get(KEY, null, dead)).isNull();
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get(KEY, null, responder())).isEqualTo("answer-2");
    }

    @Test
    void concurrentAskersForOneCertificateShareOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<RevocationAnswer<String>> slow = () -> {
            fetches.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clock.advance(Duration.ofMillis(10));
            return new RevocationAnswer<>("shared", clock.instant(), clock.instant().plusSeconds(3600));
        };
        Instant timeStamp = clock.instant();
        List<Thread> askers = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8, task -> {
            Thread t = new Thread(task);
            askers.add(t);
            return t;
        });
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get(KEY, timeStamp, slow)));
            }
            // Releases the fetch only once all eight askers are parked: one in the fetch, seven waiting for it.
            Eventually.until(Duration.ofSeconds(5), () -> askers.stream().filter(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.BLOCKED).count(),
                    parked -> parked == 8);
            release.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void otherCertificatesAndKindsAreSeparate() {
        cache.get(KEY, null, responder());
        cache.get(new RevocationKey(RevocationKey.Kind.CRL, "cert", "issuer"), null, responder());
        cache.get(new RevocationKey(RevocationKey.Kind.OCSP, "other", "issuer"), null, responder());
        assertThat(fetches).hasValue(3);
        assertThat(cache.size()).isEqualTo(3);
    }

    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
