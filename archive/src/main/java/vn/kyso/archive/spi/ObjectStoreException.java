package vn.kyso.archive.spi;

/** A failure of an {@link ObjectStore}, with a reason callers can act on. */
public class ObjectStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store refused or failed. */
    public enum Reason {
        NOT_FOUND,
        ALREADY_EXISTS,
        RETENTION_ACTIVE,
        INVALID_KEY,
        UNAVAILABLE
    }

    private final Reason reason;

    public ObjectStoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ObjectStoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
