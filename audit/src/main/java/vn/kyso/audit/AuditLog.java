package vn.kyso.audit;

import java.util.List;
import java.util.Optional;

/**
 * The audit trail. Entries are only ever appended; nothing here updates or deletes one. Each entry's
 * hash covers the one before it, and checkpoints time-stamp the chain head with a TSA, so an auditor
 * can tell whether anything was edited, deleted or reordered since it was written.
 */
public interface AuditLog {

    /**
     * Writes one entry at the end of the chain, in one transaction. Concurrent appends are serialised:
     * sequence numbers have no gaps and the chain never forks.
     *
     * @throws AuditException UNAVAILABLE if the database cannot be reached
     */
    AuditEntry append(AuditEvent event);

    /** Recomputes the whole chain and checks every checkpoint's time-stamp token. */
    ChainVerification verify();

    /**
     * Entries in sequence order.
     *
     * @param from  the first sequence number, 1 or more
     * @param limit at most this many, 1 to {@value #MAX_PAGE}
     */
    List<AuditEntry> entries(long from, int limit);

    /** The current head of the chain: sequence 0 and an all-zero hash while the log is empty. */
    ChainHead head();

    /**
     * Time-stamps the current chain head now with the configured TSA and stores the token.
     *
     * @throws AuditException TSA_NOT_CONFIGURED, TSA_UNAVAILABLE or TSA_RESPONSE_INVALID
     */
    Checkpoint timestamp();

    /** As {@link #timestamp()}, but only if entries were appended since the latest checkpoint. */
    Optional<Checkpoint> timestampIfAdvanced();

    /** Checkpoints in sequence order, at most {@value #MAX_PAGE}, the newest ones. */
    List<Checkpoint> checkpoints();

    int MAX_PAGE = 1000;
}
