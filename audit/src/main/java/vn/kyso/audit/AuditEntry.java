package vn.kyso.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the chain as stored.
 *
 * @param sequence     1, 2, 3… without gaps
 * @param recordedAt   when it was appended (microsecond precision, as PostgreSQL keeps it)
 * @param event        what was recorded
 * @param previousHash the hash of entry {@code sequence - 1}, hex; 64 zeros for entry 1
 * @param hash         SHA-256 of the previous hash's bytes followed by this entry's canonical bytes, hex
 */
public record AuditEntry(long sequence, Instant recordedAt, AuditEvent event, String previousHash, String hash) {

    public AuditEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
