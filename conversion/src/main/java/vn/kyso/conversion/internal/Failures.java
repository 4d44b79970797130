package vn.kyso.conversion.internal;

import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;

/** Shorthands for the exceptions every step throws. */
final class Failures {

    private Failures() {
    }

    static ConversionException failed(String message, Throwable cause) {
        return new ConversionException(ConversionError.CONVERSION_FAILED, message, cause);
    }

    static ConversionException timeout(String message, Throwable cause) {
        return new ConversionException(ConversionError.CONVERSION_TIMEOUT, message, cause);
    }

    static ConversionException unavailable(String message, Throwable cause) {
        return new ConversionException(ConversionError.CONVERTER_UNAVAILABLE, message, cause);
    }

    static ConversionException tooLarge(String message) {
        return new ConversionException(ConversionError.DOCUMENT_TOO_LARGE, message);
    }
}
