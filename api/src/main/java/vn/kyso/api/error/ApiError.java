package vn.kyso.api.error;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** Stable error codes raised by the web layer itself, before any module is called. */
public enum ApiError implements ErrorCode {
    /** A parameter is missing, unknown or out of range; the detail names it. */
    INVALID_REQUEST(ErrorKind.BAD_REQUEST, "Invalid request"),
    /**
     * The client sent more requests than its rate limit allows. ErrorKind has no "too many requests", so
     * the kind says "retry later" and {@link RateLimitedException} gets its own 429 in the handler.
     */
    RATE_LIMITED(ErrorKind.UNAVAILABLE, "Too many requests"),
    SERVICE_NOT_CONFIGURED(ErrorKind.UNAVAILABLE, "This part of the service is not configured"),
    /**
     * No valid access token or API key on an endpoint that needs one. ErrorKind has no 401; the security
     * layer's entry point (vn.kyso.api.security) answers with 401 itself.
     */
    UNAUTHENTICATED(ErrorKind.FORBIDDEN, "Authentication required"),
    /** The caller is known but none of its roles may make this request. */
    FORBIDDEN(ErrorKind.FORBIDDEN, "Not allowed"),
    /** The signing key belongs to another person or another organisation. */
    KEY_NOT_YOURS(ErrorKind.FORBIDDEN, "The signing key is not yours"),
    /** A change that must be on record first (keys, permissions) was not made: the audit trail is down. */
    AUDIT_UNAVAILABLE(ErrorKind.UNAVAILABLE, "The audit trail cannot record the change"),
    /** A signature was made but not handed out: its audit entry could not be written (no entry, no signature). */
    SIGNATURE_NOT_AUDITED(ErrorKind.UNAVAILABLE, "The signature was withheld: its audit entry could not be written"),
    /** A job answered with 202 ended in failure; its status resource carries this problem. */
    JOB_FAILED(ErrorKind.INTERNAL, "The job failed"),
    /** The instance running a job stopped; the next run of the kind resumes where it was. */
    JOB_INTERRUPTED(ErrorKind.UNAVAILABLE, "The job was interrupted"),
    /** No job has this id. */
    JOB_NOT_FOUND(ErrorKind.NOT_FOUND, "No such job"),
    /**
     * An uploaded file with no bytes, whatever the endpoint (UploadGuard). The same code as the modules'
     * own check, so a client sees one code for one cause.
     */
    EMPTY_DOCUMENT(ErrorKind.BAD_REQUEST, "Empty document"),
    /** The request is over {@code kyso.api.max-upload-size}; the problem states the limit as {@code maxUploadBytes}. */
    UPLOAD_TOO_LARGE(ErrorKind.TOO_LARGE, "Upload too large"),
    /** A PDF protected by a password or permissions, on an endpoint that changes or converts the PDF. */
    ENCRYPTED_PDF(ErrorKind.UNPROCESSABLE, "Encrypted PDF");

    private final ErrorKind kind;
    private final String title;

    ApiError(ErrorKind kind, String title) {
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
