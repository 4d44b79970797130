package vn.kyso.audit;

/** What was done. Stored by name, so names are stable; add new ones at the end. */
public enum AuditAction {
    SIGN,
    VALIDATE_STORED,
    INGEST,
    RETRIEVE,
    EXPORT,
    DISPOSE,
    LEGAL_HOLD,
    CONVERT,
    JOB,
    KEY_CHANGE,
    PERMISSION_CHANGE,
    DISPOSAL_LIST,
    CHECKPOINT,
    /**
     * A request refused by the access rules before it reached the operation it asked for (HTTP 401 or
     * 403 from the security filters), when the path names no other action.
     */
    ACCESS,
    /** An edXML exchange call: a message built, received (or refused), a follow-up or a status message. */
    EXCHANGE
}
