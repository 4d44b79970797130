package vn.kyso.api.error;

import vn.kyso.core.ServiceException;

/** A request the web layer rejects on its own; the message is shown to the client. */
public class ApiException extends ServiceException {

    public ApiException(ApiError error, String message) {
        super(error, message, null);
    }

    /** Shorthand for the common case: a bad parameter. */
    public static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
