package vn.kyso.access;

import java.util.List;
import java.util.Map;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ServiceException;

/**
 * A refused or failed change to access control; the API's problem handler maps it. A malformed request is
 * INVALID_REQUEST (400) with every field at fault in {@code errors}, by name: values are never repeated,
 * in case someone pasted a secret where a name belongs.
 */
public final class AccessException extends ServiceException {

    private static final long serialVersionUID = 1L;

    /** A field of the request at fault, as the pages and clients read it from {@code errors}. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public AccessException(ErrorCode error, String message) {
        this(error, message, List.of(), null);
    }

    private AccessException(ErrorCode error, String message, List<FieldError> errors, Throwable cause) {
        super(error, message, cause);
        this.errors = List.copyOf(errors);
    }

    public static AccessException invalid(List<FieldError> errors) {
        return new AccessException(AccessError.INVALID_REQUEST, errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid", errors, null);
    }

    public static AccessException storeUnavailable(Throwable cause) {
        return new AccessException(AccessError.ACCESS_STORE_UNAVAILABLE,
                "the database that keeps changes to access control is unavailable", List.of(), cause);
    }

    public static AccessException noStore() {
        return new AccessException(AccessError.ACCESS_STORE_UNAVAILABLE, "this server has no database to keep "
                + "changes to access control; change the configuration instead");
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> details() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
