package vn.kyso.core.revocation;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCSP responses and CRLs kept in memory, one instance shared by signing and validation.
 *
 * <p>One question, two askers. Validation works at "now" and may reuse an answer while it is valid
 * (until its nextUpdate, never longer than {@code maxAge}): it asks with no lower bound. Signing at
 * B-LT/B-LTA must embed answers issued after the signature's time-stamp (EN 319 102-1 freshness, DSS's
 * "revocation after best-signature-time"): it asks with {@code notIssuedBefore} = the time-stamp's
 * time, and an older cached answer is fetched anew rather than served.
 *
 * <p>Concurrent askers for the same certificate share one fetch: the first starts it, the others wait
 * for its answer, and take it if it is fresh enough for them. So a batch of signatures time-stamped
 * before one OCSP request shares that one answer. A failed fetch is remembered for
 * {@code failureMemory}, so that a dead responder costs one time-out per certificate, not one per
 * document. Caffeine's per-entry expiry and size bound do the bookkeeping (ADR 0003, revised).
 *
 * <p>Most responders state thisUpdate in whole seconds, so an answer "after" a time-stamp of second s
 * exists only from s + 1. When the answer held for a certificate is in whole seconds and the clock is
 * still in that second, a fresh-answer request waits for the next second before asking, instead of
 * asking, being refused and then waiting; every asker of that second wakes at the same edge and they
 * share one fetch (ADR 0028).
 */
public final class RevocationCache {

    private static final Logger log = LoggerFactory.getLogger(RevocationCache.class);
    private static final int MAX_SHARED_ROUNDS = 8;
    /** Slack past a whole second, for the responder's clock and its rounding. */
    private static final Duration SECOND_EDGE = Duration.ofMillis(20);

    /**
     * @param maxAge        longest reuse of an answer, whatever its nextUpdate
     * @param failureMemory how long a failed fetch is answered from memory
     * @param maxEntries    bound on remembered answers
     * @param freshAttempts how many fetches of its own a fresh-answer request may make before it gives
     *                      the last answer back as it is (an answer dated in the time-stamp's own second
     *                      gets another chance once that second is over)
     * @param freshRetryWait longest pause between those fetches
     * @param waitOutTheSecond when the answer last held for a certificate states its thisUpdate in whole
     *                       seconds and the clock is still in the second of {@code notIssuedBefore}, pause
     *                       until just past that second before asking: such a responder cannot state a
     *                       time after {@code notIssuedBefore} sooner, so asking first only costs a round
     *                       trip and a refused answer (ADR 0028); false asks first, as before
     */
    public record Settings(Duration maxAge, Duration failureMemory, long maxEntries, int freshAttempts,
            Duration freshRetryWait, boolean waitOutTheSecond) {

        public Settings {
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(failureMemory, "failureMemory");
            Objects.requireNonNull(freshRetryWait, "freshRetryWait");
            if (maxAge.isNegative() || failureMemory.isNegative() || freshRetryWait.isNegative()
                    || maxEntries < 1 || freshAttempts < 1) {
                throw new IllegalArgumentException("revocation cache settings out of range");
            }
        }

        /** Waits out the second before asking a whole-second responder (the default). */
        public Settings(Duration maxAge, Duration failureMemory, long maxEntries, int freshAttempts,
                Duration freshRetryWait) {
            this(maxAge, failureMemory, maxEntries, freshAttempts, freshRetryWait, true);
        }

        /** 30 s memory of failures, 20,000 answers, two fetches at most one second apart for a fresh answer. */
        public static Settings defaults(Duration maxAge) {
            return new Settings(maxAge, Duration.ofSeconds(30), 20_000, 2, Duration.ofSeconds(1), true);
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final AsyncCache<RevocationKey, Held> cache;
    private final Consumer<Duration> pause;

    public RevocationCache(Settings settings, Clock clock) {
        this(settings, clock, RevocationCache::sleep);
    }

    /** @param pause how a wait is spent; tests on a hand-moved clock move it instead of sleeping */
    RevocationCache(Settings settings, Clock clock, Consumer<Duration> pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .ticker(() -> nanos(clock.instant()))
                .expireAfter(new HeldExpiry())
                .buildAsync();
    }

    /**
     * The answer for {@code key}, from memory or from {@code fetch}.
     *
     * @param notIssuedBefore null to accept any valid answer; otherwise only an answer whose thisUpdate
     *                        is after this instant is served from memory, and a fetched answer that
     *                        still is not is fetched again ({@link Settings#freshAttempts()}) and then
     *                        returned as it is, so that the caller's own freshness check fails loudly
     * @param fetch           asks the responder; returns {@link RevocationAnswer#none()} or throws when
     *                        it has no answer
     * @return the token, or null when there is no answer (remembered for {@code failureMemory})
     */
    @SuppressWarnings("unchecked")
    public <T> T get(RevocationKey key, Instant notIssuedBefore, Supplier<RevocationAnswer<T>> fetch) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fetch, "fetch");
        RevocationAnswer<?> answer = RevocationAnswer.none();
        int ownFetches = 0;
        boolean waitedOut = false;
        // Waiting for another asker's fetch that turns out too old is not an attempt of ours; the bound
        // on rounds only stops a pathological ping-pong between many askers.
        for (int round = 0; round < settings.freshAttempts() + MAX_SHARED_ROUNDS; round++) {
            CompletableFuture<Held> mine = new CompletableFuture<>();
            CompletableFuture<Held> current = cache.getIfPresent(key);
            if (!usable(current, notIssuedBefore) && !waitedOut && ownFetches == 0
                    && tooEarlyToAsk(current, notIssuedBefore)) {
                // Once: every asker of this second then wakes at the same edge and shares one fetch.
                waitedOut = true;
                pauseUntilAfter(notIssuedBefore);
                continue;
            }
            if (!usable(current, notIssuedBefore)) {
                current = cache.asMap().compute(key, (k, cached) -> usable(cached, notIssuedBefore) ? cached : mine);
            }
            if (current == mine) {
                ownFetches++;
                mine.complete(held(fetchSafely(key, fetch)));
            }
            answer = join(current);
            if (answer.failed() || answer.issuedAfter(notIssuedBefore)) {
                return (T) answer.token();
            }
            log.debug("{} answer for {} issued {} is not after {} (round {})", key.kind(), key.certificateId(),
                    answer.thisUpdate(), notIssuedBefore, round);
            if (current == mine) {
                if (ownFetches >= settings.freshAttempts()) {
                    break;
                }
                pauseUntilAfter(notIssuedBefore);
            }
        }
        return (T) answer.token();
    }

    /** How many answers (and remembered failures) are held now. */
    public long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /** An entry being fetched is waited for; a finished one is served if fresh enough (or a failure). */
    private static boolean usable(CompletableFuture<Held> cached, Instant notIssuedBefore) {
        if (cached == null) {
            return false;
        }
        if (!cached.isDone()) {
            return true;
        }
        Held h = cached.getNow(null);
        return h != null && (h.answer().failed() || h.answer().issuedAfter(notIssuedBefore));
    }

    /**
     * True when the responder last answered in whole seconds and the clock has not yet left the second of
     * {@code notIssuedBefore}: its next answer could only be dated in that second, not after it. Without
     * an answer to learn from (first ask, failure), the responder is asked.
     */
    private boolean tooEarlyToAsk(CompletableFuture<Held> cached, Instant notIssuedBefore) {
        if (!settings.waitOutTheSecond() || notIssuedBefore == null || cached == null || !cached.isDone()) {
            return false;
        }
        Held h = cached.getNow(null);
        if (h == null || h.answer().failed() || h.answer().thisUpdate().getNano() != 0) {
            return false;
        }
        return clock.instant().isBefore(notIssuedBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    /** The answer with the instant it stops being served, fixed once so that reads do not extend it. */
    private Held held(RevocationAnswer<?> answer) {
        Instant now = clock.instant();
        if (answer.failed()) {
            return new Held(answer, now.plus(settings.failureMemory()));
        }
        Instant until = now.plus(settings.maxAge());
        if (answer.nextUpdate() != null && answer.nextUpdate().isBefore(until)) {
            until = answer.nextUpdate();
        }
        return new Held(answer, until);
    }

    private static <T> RevocationAnswer<?> fetchSafely(RevocationKey key, Supplier<RevocationAnswer<T>> fetch) {
        try {
            RevocationAnswer<T> a = fetch.get();
            return a == null ? RevocationAnswer.none() : a;
        } catch (RuntimeException e) {
            // Remembered as a failure like an empty answer: the caller's own check reports the gap.
            log.info("{} fetch for {} failed: {}", key.kind(), key.certificateId(), e.toString());
            return RevocationAnswer.none();
        }
    }

    private static RevocationAnswer<?> join(CompletableFuture<Held> f) {
        try {
            return f.join().answer();
        } catch (CompletionException e) {
            return RevocationAnswer.none();
        }
    }

    /**
     * Most responders and every CRL (UTCTime) state thisUpdate in whole seconds, and time-stamps often
     * too: an answer made in the time-stamp's own second reads as not after it. Waiting until just past
     * the next whole second after {@code instant} is what it takes, never longer than freshRetryWait.
     */
    private void pauseUntilAfter(Instant instant) {
        Instant target = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plus(SECOND_EDGE);
        Duration wait = Duration.between(clock.instant(), target);
        if (wait.compareTo(settings.freshRetryWait()) > 0) {
            wait = settings.freshRetryWait();
        }
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        pause.accept(wait);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private record Held(RevocationAnswer<?> answer, Instant until) {
    }

    /** Answers live until their nextUpdate (at most maxAge); failures for failureMemory. */
    private final class HeldExpiry implements Expiry<RevocationKey, Held> {

        @Override
        public long expireAfterCreate(RevocationKey key, Held held, long currentTime) {
            long left = nanos(held.until()) - currentTime;
            return Math.max(0, left);
        }

        @Override
        public long expireAfterUpdate(RevocationKey key, Held held, long currentTime, long currentDuration) {
            return expireAfterCreate(key, held, currentTime);
        }

        @Override
        public long expireAfterRead(RevocationKey key, Held held, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
