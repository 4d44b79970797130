package vn.kyso.core;

/**
 * The broad class of a failure, independent of any transport. The API maps each kind to one HTTP
 * status; a CLI maps it to an exit code.
 */
public enum ErrorKind {
    /** The request itself is malformed: a missing field, an unreadable value. */
    BAD_REQUEST,
    /** The named thing (key, prepared signature, record) does not exist. */
    NOT_FOUND,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The request conflicts with the current state (for example a duplicate). */
    CONFLICT,
    /** The content is too large for the configured limit. */
    TOO_LARGE,
    /** The content is of a type this operation does not accept. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request is well-formed but cannot be carried out (expired certificate, encrypted PDF). */
    UNPROCESSABLE,
    /** A dependency (HSM, TSA, OCSP responder, storage) is unavailable; retrying later may work. */
    UNAVAILABLE,
    /** A defect on our side. */
    INTERNAL
}
