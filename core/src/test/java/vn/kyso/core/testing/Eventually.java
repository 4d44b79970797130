package vn.kyso.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waiting in tests for something another thread or process does: ask again until the answer is what the
 * test waits for or the time is up, then hand back the last answer for the test's own assertions. Fixed
 * sleeps are either too short on a loaded machine (flaky) or too long everywhere (slow); this returns as
 * soon as the condition holds and gives the slowest machine the whole timeout.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** The first answer of {@code probe} that satisfies {@code done}, or the last one when {@code timeout} is up. */
    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<? super T> done) throws Exception {
        return until(timeout, POLL, probe, done);
    }

    /** As {@link #until(Duration, Callable, Predicate)}, asking every {@code interval}: for probes that cost. */
    public static <T> T until(Duration timeout, Duration interval, Callable<T> probe, Predicate<? super T> done)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T answer = probe.call();
        while (!done.test(answer) && System.nanoTime() - deadline < 0) {
            Thread.sleep(interval.toMillis());
            answer = probe.call();
        }
        return answer;
    }

    /**
     * Returns once the wall clock has reached the second after {@code instant}'s: for components on the real
     * clock with one-second resolution (the demo PKI's OCSP responder and TSA) whose next answer must be
     * strictly later than one already given.
     */
    public static void pastTheSecondOf(Instant instant) throws Exception {
        Instant next = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        until(Duration.ofSeconds(5), Instant::now, now -> !now.isBefore(next));
    }
}
