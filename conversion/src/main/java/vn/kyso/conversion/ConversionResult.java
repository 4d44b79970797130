package vn.kyso.conversion;

import java.util.Objects;

/**
 * A converted document.
 *
 * @param pdf the PDF/A bytes
 * @param source what the input was detected as
 * @param conformance veraPDF's verdict on {@code pdf}
 * @param pageCount pages in {@code pdf}
 * @param passedThrough true when the input already was a conforming PDF/A and is returned as it came
 * @param ocrUsed whether an invisible OCR text layer was added (images)
 */
public record ConversionResult(byte[] pdf, DetectedType source, PdfAConformance conformance, int pageCount,
        boolean passedThrough, boolean ocrUsed) {

    public ConversionResult {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(conformance, "conformance");
        if (pageCount < 1) {
            throw new IllegalArgumentException("a PDF has at least one page");
        }
    }
}
