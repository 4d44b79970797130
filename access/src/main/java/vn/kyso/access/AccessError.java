package vn.kyso.access;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** Stable error codes of the administrator's changes to access control. */
public enum AccessError implements ErrorCode {
    /** No HSM key has this alias, so it cannot be given an owner. */
    KEY_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown signing key"),
    /** The key has no owner to remove. */
    KEY_OWNER_NOT_FOUND(ErrorKind.NOT_FOUND, "The key has no owner"),
    /** No API key has this id. */
    API_KEY_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown API key"),
    /** An API key with this id exists, or existed: ids are never reused. */
    API_KEY_EXISTS(ErrorKind.CONFLICT, "An API key with this id exists"),
    /** The API key was revoked already. */
    API_KEY_REVOKED(ErrorKind.CONFLICT, "The API key is revoked"),
    /** The database that keeps the administrator's changes cannot be reached, or there is none. */
    ACCESS_STORE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Changes to access control cannot be kept now"),
    /** A malformed change; the same code as the api module's own INVALID_REQUEST, so clients see one. */
    INVALID_REQUEST(ErrorKind.BAD_REQUEST, "Invalid request");

    private final ErrorKind kind;
    private final String title;

    AccessError(ErrorKind kind, String title) {
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
