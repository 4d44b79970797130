package vn.kyso.signing.internal;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The instant after which revocation data embedded by the current signing or augmentation must have
 * been issued: the operation's start, raised to each time-stamp's genTime as the time-stamp authority
 * answers. Per thread, because DSS makes the time-stamp and then collects revocation data in the same
 * call on the caller's thread, with no way to hand the time over.
 */
final class FreshnessFloor {

    private static final ThreadLocal<Instant> FLOOR = new ThreadLocal<>();

    private FreshnessFloor() {
    }

    /** Runs {@code work} with the floor at {@code start}, restoring the previous floor afterwards. */
    static <T> T during(Instant start, Supplier<T> work) {
        Instant previous = FLOOR.get();
        FLOOR.set(start);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                FLOOR.remove();
            } else {
                FLOOR.set(previous);
            }
        }
    }

    /** A time-stamp was made at {@code genTime}: evidence collected after it must be newer. */
    static void raiseTo(Instant genTime) {
        Instant current = FLOOR.get();
        if (current != null && genTime.isAfter(current)) {
            FLOOR.set(genTime);
        }
    }

    /** Null outside a signing operation (no bound). */
    static Instant current() {
        return FLOOR.get();
    }
}
