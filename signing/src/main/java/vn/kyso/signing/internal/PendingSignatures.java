package vn.kyso.signing.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Remote signatures between {@code prepare} and {@code complete}. Bounded by total document bytes so a
 * flood of prepares cannot exhaust memory; entries expire and are single-use.
 */
final class PendingSignatures<T> {

    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Pending<T>> pending = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    PendingSignatures(Clock clock, Duration ttl, long maxBytes) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    /** Stores {@code state} and returns its new id and expiry. */
    Ticket put(T state, long size) {
        purgeExpired();
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            throw new SigningException(SigningError.TOO_MANY_PENDING,
                    "too many prepared signatures are waiting to be completed; try again later");
        }
        byte[] raw = new byte[18];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expiresAt = clock.instant().plus(ttl);
        pending.put(id, new Pending<>(state, size, expiresAt));
        return new Ticket(id, expiresAt);
    }

    /** Removes and returns the state, or fails if it is unknown or expired. */
    T take(String id) {
        Pending<T> p = pending.remove(id);
        if (p != null) {
            bytes.addAndGet(-p.size);
        }
        if (p == null || !clock.instant().isBefore(p.expiresAt)) {
            throw new SigningException(SigningError.PREPARED_SIGNATURE_NOT_FOUND,
                    "no prepared signature with this id, or it has expired; prepare it again");
        }
        return p.state;
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        pending.entrySet().removeIf(e -> {
            boolean expired = !now.isBefore(e.getValue().expiresAt);
            if (expired) {
                bytes.addAndGet(-e.getValue().size);
            }
            return expired;
        });
    }

    record Ticket(String id, Instant expiresAt) {
    }

    private record Pending<T>(T state, long size, Instant expiresAt) {
    }
}
