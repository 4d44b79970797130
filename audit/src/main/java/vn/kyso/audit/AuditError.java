package vn.kyso.audit;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** The stable error codes of the audit module. */
public enum AuditError implements ErrorCode {
    INVALID_EVENT(ErrorKind.BAD_REQUEST, "Invalid audit event"),
    INVALID_QUERY(ErrorKind.BAD_REQUEST, "Invalid audit query"),
    AUDIT_DISABLED(ErrorKind.UNAVAILABLE, "The audit trail is not configured"),
    DATABASE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Audit database unavailable"),
    TSA_NOT_CONFIGURED(ErrorKind.UNAVAILABLE, "No time-stamping authority configured for the audit trail"),
    TSA_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Time-stamping authority unavailable"),
    TSA_RESPONSE_INVALID(ErrorKind.UNAVAILABLE, "The time-stamping authority gave an unusable answer"),
    AUDIT_FAILED(ErrorKind.INTERNAL, "Audit operation failed");

    private final ErrorKind kind;
    private final String title;

    AuditError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
