package vn.kyso.audit;

import vn.kyso.core.ServiceException;

/** A refused or failed audit operation. The message is safe to show to a client. */
public class AuditException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public AuditException(AuditError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public AuditException(AuditError error, String message) {
        this(error, message, null);
    }

    public AuditError error() {
        return (AuditError) errorCode();
    }
}
