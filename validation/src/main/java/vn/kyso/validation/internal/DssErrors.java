package vn.kyso.validation.internal;

import eu.europa.esig.dss.spi.exception.IllegalInputException;
import java.util.List;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Turns what DSS throws on input it cannot handle into our error codes, with messages fit for a
 * client: no paths, no class names, no stack traces (the cause is kept for the log). By type where DSS
 * offers one; where it throws a general type for several causes, {@link #MESSAGES} is the one table of
 * its texts, each entry provoked for real by DssErrorsTest.
 */
final class DssErrors {

    /**
     * A cause DSS names only in its message: the type it throws, the text (as DSS 6.4 words it), our code
     * and what the client is told about the {@code kind} of document.
     */
    record MessageRule(Class<? extends RuntimeException> type, String text, ValidationError error, String message) {
    }

    /** The table of DSS texts; the first rule whose type and text match wins. */
    static final List<MessageRule> MESSAGES = List.of(
            // SignedDocumentValidator.fromDocument and the analyzers: no validator claims the document
            new MessageRule(UnsupportedOperationException.class, "not recognized", ValidationError.UNSUPPORTED_DOCUMENT,
                    "carries no signature format that can be validated"),
            // SecureContainerHandler: "Zip Bomb detected in the ZIP container. Validation is interrupted."
            new MessageRule(IllegalInputException.class, "Zip Bomb", ValidationError.DOCUMENT_TOO_COMPLEX,
                    "exceeds the limits for entries or inflated size"),
            // SecureContainerHandler: "Too many files detected. Cannot extract ASiC content from the file."
            new MessageRule(IllegalInputException.class, "Too many files", ValidationError.DOCUMENT_TOO_COMPLEX,
                    "exceeds the limits for entries or inflated size"));

    private DssErrors() {
    }

    static ValidationException translate(Throwable e, ContentKind kind) {
        if (e instanceof ValidationException v) {
            return v;
        }
        if (e instanceof StackOverflowError || e instanceof OutOfMemoryError) {
            return new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                    "the " + describe(kind) + " is too deeply structured to validate", e);
        }
        MessageRule rule = byMessage(e);
        if (rule != null) {
            String subject = rule.error() == ValidationError.DOCUMENT_TOO_COMPLEX ? "the container" : "the " + describe(kind);
            return new ValidationException(rule.error(), subject + " " + rule.message(), e);
        }
        if (e instanceof RuntimeException) {
            return new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                    "the " + describe(kind) + " could not be read as a signed document", e);
        }
        return new ValidationException(ValidationError.VALIDATION_FAILED, "the validation failed", e);
    }

    /** The rule matching {@code e} itself (DSS throws these unwrapped), or null. */
    static MessageRule byMessage(Throwable e) {
        String text = String.valueOf(e.getMessage());
        for (MessageRule rule : MESSAGES) {
            if (rule.type().isInstance(e) && text.contains(rule.text())) {
                return rule;
            }
        }
        return null;
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
