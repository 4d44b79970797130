package vn.kyso.conversion;

import java.util.Objects;

/**
 * A document to convert.
 *
 * @param content the document's bytes; its type is detected from them
 * @param fileName the client's name for it, used only to name the embedded source in PDF/A-3B; may be null
 * @param profile the profile to produce
 */
public record ConversionRequest(byte[] content, String fileName, PdfAProfile profile) {

    public ConversionRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(profile, "profile");
        if (profile == PdfAProfile.PDF_A_1B) {
            throw new IllegalArgumentException("PDF/A-1B is checked but not produced; ask for PDF/A-2B or PDF/A-3B");
        }
    }

    /** The archive default: PDF/A-2B. */
    public static ConversionRequest of(byte[] content) {
        return new ConversionRequest(content, null, PdfAProfile.PDF_A_2B);
    }
}
