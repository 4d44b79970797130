package vn.kyso.conversion;

import vn.kyso.core.ServiceException;

/** Input that cannot be detected, extracted or converted; the message is safe to show to a client. */
public class ConversionException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ConversionException(ConversionError error, String message) {
        super(error, message, null);
    }

    public ConversionException(ConversionError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public ConversionError error() {
        return (ConversionError) errorCode();
    }
}
