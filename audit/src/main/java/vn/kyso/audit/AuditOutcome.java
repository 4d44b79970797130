package vn.kyso.audit;

/** How the audited operation ended. */
public enum AuditOutcome {
    /** Done. */
    OK,
    /** Refused: the request was wrong or not allowed (HTTP 4xx). */
    REFUSED,
    /** Failed on our side or a dependency's (HTTP 5xx). */
    FAILED
}
