package vn.kyso.validation;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** The stable error codes of the validation module. */
public enum ValidationError implements ErrorCode {
    EMPTY_DOCUMENT(ErrorKind.BAD_REQUEST, "Empty document"),
    UNSUPPORTED_DOCUMENT(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Not a signed document format"),
    MALFORMED_DOCUMENT(ErrorKind.UNPROCESSABLE, "Malformed document"),
    DOCUMENT_TOO_LARGE(ErrorKind.TOO_LARGE, "Document too large"),
    DOCUMENT_TOO_COMPLEX(ErrorKind.UNPROCESSABLE, "Document too complex"),
    ORIGINAL_REQUIRED(ErrorKind.UNPROCESSABLE, "Detached signature without its original"),
    VALIDATION_TIMEOUT(ErrorKind.UNPROCESSABLE, "Validation took too long"),
    VALIDATION_FAILED(ErrorKind.INTERNAL, "Validation failed"),
    /** A signed revision was asked for a signature the document does not hold. */
    SIGNATURE_NOT_FOUND(ErrorKind.NOT_FOUND, "No such signature in the document");

    private final ErrorKind kind;
    private final String title;

    ValidationError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
