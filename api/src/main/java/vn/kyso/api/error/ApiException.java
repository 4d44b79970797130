package vn.kyso.api.error;

import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.core.ServiceException;

/** A request the web layer rejects on its own; the message is shown to the client. */
public class ApiException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ApiException(ApiError error, String message) {
        super(error, message, null);
    }

    /** Shorthand for the common case: a bad parameter. */
    public static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }

    /**
     * The service if this server runs it; otherwise 503 SERVICE_NOT_CONFIGURED, so the endpoints of an
     * optional module answer while the rest of the service goes on working.
     *
     * @param absent what the client is told, for example "the archive is not enabled on this server"
     */
    public static <T> T required(ObjectProvider<T> service, String absent) {
        T s = service.getIfAvailable();
        if (s == null) {
            throw new ApiException(ApiError.SERVICE_NOT_CONFIGURED, absent);
        }
        return s;
    }
}
