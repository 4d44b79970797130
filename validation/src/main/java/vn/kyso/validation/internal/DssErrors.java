package vn.kyso.validation.internal;

import eu.europa.esig.dss.spi.exception.IllegalInputException;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Turns what DSS throws on input it cannot handle into our error codes, with messages fit for a
 * client: no paths, no class names, no stack traces (the cause is kept for the log).
 */
final class DssErrors {

    private DssErrors() {
    }

    static ValidationException translate(Throwable e, ContentKind kind) {
        if (e instanceof ValidationException v) {
            return v;
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
            return new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                    "the " + describe(kind) + " is too deeply structured to validate", e);
        }
        if (e instanceof UnsupportedOperationException && message.contains("not recognized")) {
            return new ValidationException(ValidationError.UNSUPPORTED_DOCUMENT,
                    "the " + describe(kind) + " carries no signature format that can be validated", e);
        }
        if (message.contains("Zip Bomb") || message.contains("too many files")
                || message.contains("Too many files")) {
            return new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                    "the container exceeds the limits for entries or inflated size", e);
        }
        if (e instanceof IllegalInputException || e instanceof RuntimeException) {
            return new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                    "the " + describe(kind) + " could not be read as a signed document", e);
        }
        return new ValidationException(ValidationError.VALIDATION_FAILED, "the validation failed", e);
    }

    static String describe(ContentKind kind) {
        return switch (kind) {
            case PDF -> "PDF";
            case XML -> "XML document";
            case JSON, JWS_COMPACT -> "JSON document";
            case ZIP -> "container";
            case CMS -> "CMS signature";
        };
    }
}
