package vn.kyso.signing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Remote signatures between {@code prepare} and {@code complete}, in this instance's memory. Bounded by
 * total document bytes so a flood of prepares cannot exhaust memory; entries expire and are single-use.
 * For one instance only: several instances share {@link JdbcPendingSignatures}.
 */
final class PendingSignatures implements PendingStore {

    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    PendingSignatures(Clock clock, Duration ttl, long maxBytes) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    @Override
    public Ticket put(PreparedState state, long size) {
        purgeExpired();
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            throw tooMany();
        }
        String id = PendingIds.next();
        Instant expiresAt = clock.instant().plus(ttl);
        pending.put(id, new Pending(state, size, expiresAt));
        return new Ticket(id, expiresAt);
    }

    @Override
    public PreparedState get(String id, String caller) {
        Pending p = pending.get(id);
        if (p == null || !clock.instant().isBefore(p.expiresAt) || !p.state.preparedBy(caller)) {
            throw notFound();
        }
        return p.state;
    }

    @Override
    public boolean remove(String id) {
        Pending p = pending.remove(id);
        if (p != null) {
            bytes.addAndGet(-p.size);
        }
        return p != null;
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

    static SigningException tooMany() {
        return new SigningException(SigningError.TOO_MANY_PENDING,
                "too many prepared signatures are waiting to be completed; try again later");
    }

    static SigningException notFound() {
        return new SigningException(SigningError.PREPARED_SIGNATURE_NOT_FOUND,
                "no prepared signature with this id, or it has expired; prepare it again");
    }

    private record Pending(PreparedState state, long size, Instant expiresAt) {
    }
}
