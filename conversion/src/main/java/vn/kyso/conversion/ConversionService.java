package vn.kyso.conversion;

/**
 * Detection, text extraction and conversion to PDF/A for signing and archiving. Every method judges a
 * document by its bytes, never by its name, and throws {@link ConversionException} for input it cannot
 * handle. A PDF/A that veraPDF finds non-compliant is a result, not an exception: callers decide.
 */
public interface ConversionService {

    /** The type of {@code content}, by its bytes alone. */
    DetectedType detect(byte[] content);

    /** Full text and metadata; scans and images go through OCR when Tesseract is installed. */
    Extraction extract(byte[] content);

    /** Converts to the requested PDF/A profile; a PDF that already conforms passes through unchanged. */
    ConversionResult toPdfA(ConversionRequest request);

    /** Checks {@code pdf} against the PDF/A part it claims, or PDF/A-2B when it claims none. */
    PdfAConformance checkPdfA(byte[] pdf);
}
