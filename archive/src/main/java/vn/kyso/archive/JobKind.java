package vn.kyso.archive;

/** The preservation jobs. */
public enum JobKind {
    /** Re-reads every object and compares it with its recorded digests. */
    FIXITY,
    /** Validates every record's signatures again with today's trust and revocation data. */
    REVALIDATION,
    /** Adds a fresh archive time-stamp where the newest one nears its certificate's end. */
    TIMESTAMP_RENEWAL,
    /** Finishes or rolls back ingests a crash or an outage interrupted. */
    RECOVERY,
    /**
     * Gives records their RFC 4998 evidence records, one time-stamp per hash tree, and renews them:
     * time-stamp renewal before a TSA certificate ends, hash-tree renewal when the hash changes.
     */
    EVIDENCE_RECORDS
}
