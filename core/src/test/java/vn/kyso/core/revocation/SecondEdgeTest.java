package vn.kyso.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.kyso.core.revocation.RevocationCacheTest.MutableClock;

/**
 * ADR 0028: what "issued after the signature time-stamp" means at the second's edge, and how the cache
 * waits for that edge. Times compare as instants (DSS compares {@code java.util.Date}s, to the
 * millisecond): an answer dated in the time-stamp's own whole second is not after it, one dated a
 * millisecond later is. A responder that states whole seconds is asked once, after the edge.
 */
class SecondEdgeTest {

    /** A time-stamp's genTime, in whole seconds as the demo TSA (and most TSAs) state it. */
    static final Instant GEN_TIME = Instant.parse("2026-12-05T07:00:05Z");
    static final RevocationKey KEY = new RevocationKey(RevocationKey.Kind.OCSP, "cert", "issuer");
    static final RevocationCache.Settings WAIT_OUT = new RevocationCache.Settings(Duration.ofHours(1),
            Duration.ofSeconds(30), 100, 2, Duration.ofSeconds(1), true);
    static final RevocationCache.Settings ASK_FIRST = new RevocationCache.Settings(Duration.ofHours(1),
            Duration.ofSeconds(30), 100, 2, Duration.ofSeconds(1), false);

    final MutableClock clock = new MutableClock(GEN_TIME.minusSeconds(5));
    final AtomicInteger fetches = new AtomicInteger();
    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    /** Waits are spent by moving the clock, so that the edge arithmetic is exact. */
    RevocationCache cache(RevocationCache.Settings settings) {
        return new RevocationCache(settings, clock, d -> {
            pauses.add(d);
            clock.advance(d);
        });
    }

    /** Answers "issued now", truncated to the second as RFC 6960 (via RFC 5280 4.1.2.5.2) has it. */
    Supplier<RevocationAnswer<String>> wholeSeconds() {
        return () -> {
            int n = fetches.incrementAndGet();
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return new RevocationAnswer<>("whole-" + n + "@" + now, now, now.plus(Duration.ofDays(1)));
        };
    }

    @Test
    void anAnswerDatedInTheTimeStampsOwnSecondIsNotAfterItAndOneAMillisecondLaterIs() {
        Instant sameSecond = GEN_TIME;
        assertThat(new RevocationAnswer<>("a", sameSecond, null).issuedAfter(GEN_TIME)).isFalse();
        assertThat(new RevocationAnswer<>("a", GEN_TIME.plusMillis(1), null).issuedAfter(GEN_TIME)).isTrue();
        // a time-stamp with fractions: the whole-second answer of its second is before it
        Instant fractional = GEN_TIME.plusMillis(400);
        assertThat(new RevocationAnswer<>("a", sameSecond, null).issuedAfter(fractional)).isFalse();
        assertThat(new RevocationAnswer<>("a", GEN_TIME.plusSeconds(1), null).issuedAfter(fractional)).isTrue();
    }

    @Test
    void aWholeSecondResponderIsAskedOnceJustPastTheSecondNotBeforeIt() {
        RevocationCache cache = cache(WAIT_OUT);
        cache.get(KEY, null, wholeSeconds());           // validation met the responder earlier: whole seconds
        clock.advance(Duration.between(clock.instant(), GEN_TIME.plusMillis(300)));

        String answer = cache.get(KEY, GEN_TIME, wholeSeconds());

        assertThat(answer).isEqualTo("whole-2@" + GEN_TIME.plusSeconds(1));
        assertThat(fetches).as("one fetch for the signature, none refused").hasValue(2);
        assertThat(pauses).as("one pause, to 20 ms past the edge").containsExactly(Duration.ofMillis(720));
    }

    @Test
    void askingFirstAsBeforeCostsARefusedFetch() {
        RevocationCache cache = cache(ASK_FIRST);
        cache.get(KEY, null, wholeSeconds());
        clock.advance(Duration.between(clock.instant(), GEN_TIME.plusMillis(300)));

        String answer = cache.get(KEY, GEN_TIME, wholeSeconds());

        assertThat(answer).isEqualTo("whole-3@" + GEN_TIME.plusSeconds(1));
        assertThat(fetches).as("the same-second answer is fetched, refused, and fetched again").hasValue(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(720));
    }

    @Test
    void aSameSecondAnswerIsNeverServedForThatSecondsTimeStamp() {
        RevocationCache cache = cache(WAIT_OUT);
        clock.advance(Duration.between(clock.instant(), GEN_TIME.plusMillis(100)));
        // first contact: nothing to learn from, so the responder is asked, and its answer is refused
        String answer = cache.get(KEY, GEN_TIME, wholeSeconds());

        assertThat(answer).isEqualTo("whole-2@" + GEN_TIME.plusSeconds(1));
        assertThat(fetches).hasValue(2);
        // and a later signature time-stamped in the new second does not get that answer either
        Instant next = GEN_TIME.plusSeconds(1);
        assertThat(cache.get(KEY, next, wholeSeconds())).isEqualTo("whole-3@" + next.plusSeconds(1));
    }

    @Test
    void aResponderWithFractionsIsAskedAtOnceAndItsLaterMillisecondServes() {
        RevocationCache cache = cache(WAIT_OUT);
        Supplier<RevocationAnswer<String>> fractions = () -> {
            fetches.incrementAndGet();
            Instant now = clock.instant();
            return new RevocationAnswer<>("fraction@" + now, now, now.plus(Duration.ofDays(1)));
        };
        clock.advance(Duration.between(clock.instant(), GEN_TIME.minusMillis(700)));
        cache.get(KEY, null, fractions);
        clock.advance(Duration.ofMillis(705));

        assertThat(cache.get(KEY, GEN_TIME, fractions)).isEqualTo("fraction@" + GEN_TIME.plusMillis(5));
        assertThat(pauses).as("no wait: the answer is dated after the time-stamp").isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void eightSignersOfOneSecondShareOneFetchAtTheEdge() throws Exception {
        Clock real = Clock.systemUTC();
        AtomicInteger fetched = new AtomicInteger();
        Supplier<RevocationAnswer<String>> responder = () -> {
            fetched.incrementAndGet();
            Instant now = real.instant().truncatedTo(ChronoUnit.SECONDS);
            return new RevocationAnswer<>("at-" + now, now, now.plus(Duration.ofDays(1)));
        };
        RevocationCache cache = new RevocationCache(WAIT_OUT, real);
        cache.get(KEY, null, responder);
        Instant genTime = real.instant().truncatedTo(ChronoUnit.SECONDS);
        fetched.set(0);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(KEY, genTime, responder);
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> f : results) {
                answers.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(answers).as("one answer, issued after %s", genTime).containsOnly(answers.get(0))
                    .allSatisfy(a -> assertThat(Instant.parse(a.substring(3))).isAfter(genTime));
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetched).as("fetches after the edge for eight signatures").hasValue(1);
    }
}
