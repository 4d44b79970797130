package vn.kyso.validation;

import vn.kyso.core.ServiceException;

/** Input that cannot be validated at all; a document that validates as INVALID is not an exception. */
public class ValidationException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ValidationException(ValidationError error, String message) {
        super(error, message, null);
    }

    public ValidationException(ValidationError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public ValidationError error() {
        return (ValidationError) errorCode();
    }
}
