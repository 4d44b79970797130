package vn.kyso.conversion;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** The stable error codes of the conversion module. */
public enum ConversionError implements ErrorCode {
    EMPTY_DOCUMENT(ErrorKind.BAD_REQUEST, "Empty document"),
    UNSUPPORTED_TYPE(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Document type not supported"),
    DOCUMENT_TOO_LARGE(ErrorKind.TOO_LARGE, "Document too large"),
    /** Broken, encrypted or hostile input that the converter refuses. */
    CONVERSION_FAILED(ErrorKind.UNPROCESSABLE, "Conversion failed"),
    CONVERSION_TIMEOUT(ErrorKind.UNPROCESSABLE, "Conversion took too long"),
    /** LibreOffice is not installed or could not be started; retrying later may work. */
    CONVERTER_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Converter unavailable"),
    /**
     * A PDF with more pages or objects than one conversion may take on (validation's limits, same code):
     * refused before any worker or LibreOffice process spends its time on it.
     */
    DOCUMENT_TOO_COMPLEX(ErrorKind.UNPROCESSABLE, "Document too complex");

    private final ErrorKind kind;
    private final String title;

    ConversionError(ErrorKind kind, String title) {
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
