package vn.kyso.signing;

import vn.kyso.core.ServiceException;

/** Every failure of the signing module; {@link #error()} tells which. */
public class SigningException extends ServiceException {

    public SigningException(SigningError error, String message) {
        super(error, message, null);
    }

    public SigningException(SigningError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public SigningError error() {
        return (SigningError) errorCode();
    }
}
