package vn.kyso.signing.internal;

import java.time.Instant;

/**
 * Where prepared remote signatures wait for their value: in memory for one instance, in PostgreSQL when
 * several instances (or a restart) sit between {@code prepare} and {@code complete} (docs/adr/0011).
 */
interface PendingStore {

    /** Stores {@code state} and returns its new id and expiry; refuses when too many bytes are waiting. */
    Ticket put(PreparedState state, long size);

    /**
     * The state under {@code id} if it is unexpired and was prepared by {@code caller}; otherwise
     * PREPARED_SIGNATURE_NOT_FOUND, so another caller learns nothing about it. Does not consume it.
     */
    PreparedState get(String id, String caller);

    /** Consumes the state; false if another completion consumed it first. */
    boolean remove(String id);

    /** A stored state's id and expiry. */
    record Ticket(String id, Instant expiresAt) {
    }
}
