package vn.kyso.exchange.internal;

import java.time.Instant;
import java.util.List;
import vn.kyso.exchange.BusinessType;

/**
 * What this service has received, by sender and {@code DocumentId}: to recognise a replayed message and
 * to find the archive records a recall or update is about. In PostgreSQL where there is a database
 * ({@link JdbcReceivedLedger}: shared by every instance, kept over restarts), else in memory.
 */
interface ReceivedLedger {

    /** One received message: when, and its archive records (the package first), possibly none. */
    record Entry(Instant at, List<String> records) {
        public Entry {
            records = List.copyOf(records);
        }
    }

    /**
     * The key of a message: sender, {@code DocumentId} and business type; an update or replacement also by
     * the digest of its letter, since a sender may correct a letter more than once.
     */
    static String key(String sender, String documentId, BusinessType type, String letterSha256) {
        String base = sender + "|" + documentId + "|" + type.code();
        return type == BusinessType.UPDATE || type == BusinessType.REPLACE ? base + "|" + letterSha256 : base;
    }

    /** Claims a key for a message being received; false if it was received (or is being received) already. */
    boolean claim(String key);

    /** The message under this key was archived (or checked, without an archive). */
    void complete(String key, Instant at, List<String> records);

    /** The message under this key was not received after all. */
    void release(String key);

    /** The earlier entry under this key, or null (also while it is still being received). */
    Entry get(String key);
}
