package vn.kyso.core;

import java.util.Objects;

/**
 * Base of every module's exception. The message is safe to show to a client: it never contains a
 * PIN, a file-system path or a stack trace. Diagnostic detail belongs in the cause, which is logged
 * but not sent.
 */
public abstract class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    protected ServiceException(ErrorCode errorCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Extra members for the problem response, safe to show to the client: for example every field
     * at fault of a refused form. Empty by default.
     */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
