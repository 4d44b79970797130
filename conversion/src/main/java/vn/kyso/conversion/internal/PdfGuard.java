package vn.kyso.conversion.internal;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;

/**
 * Refuses a PDF too big to convert, check or extract within one task's time, before Tika, veraPDF or
 * LibreOffice sees it: none of them stops promptly when its time is up (Tika and veraPDF look at
 * interruption only now and then; LibreOffice imports every page before converting any), so a
 * 100,000-page PDF would hold a worker long past the timeout. The limits have validation's shape
 * ({@code InputLimits}): pages, and indirect objects, which a page tree claiming fewer pages than it
 * holds cannot hide. Opening a PDF with PDFBox reads its cross-reference table and page tree root only.
 */
final class PdfGuard {

    /** Objects allowed per page of the page limit, and never fewer than validation's 200,000 in all. */
    static final int MAX_OBJECTS_PER_PAGE_LIMIT = 40;

    private PdfGuard() {
    }

    /**
     * @throws ConversionException DOCUMENT_TOO_COMPLEX above the limits; a PDF PDFBox cannot open passes,
     *     for the conversion's own steps to refuse in their words (damaged, protected)
     */
    static void check(byte[] pdf, int maxPages) {
        long maxObjects = Math.max(200_000L, (long) maxPages * MAX_OBJECTS_PER_PAGE_LIMIT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            if (pages > maxPages) {
                throw tooComplex("the PDF has " + pages + " pages; at most " + maxPages
                        + " are converted", "Tệp PDF có " + pages + " trang; hệ thống chỉ chuyển đổi tệp có tối đa "
                        + maxPages + " trang");
            }
            long objects = doc.getDocument().getXrefTable().size();
            if (objects > maxObjects) {
                throw tooComplex("the PDF has " + objects + " objects; at most " + maxObjects
                        + " are converted", "Tệp PDF có " + objects + " đối tượng; hệ thống chỉ chuyển đổi tệp có "
                        + "tối đa " + maxObjects + " đối tượng");
            }
        } catch (IOException e) {
            // not ours to judge: veraPDF and LibreOffice say what is wrong with it
        }
    }

    private static ConversionException tooComplex(String message, String messageVi) {
        return new ConversionException(ConversionError.DOCUMENT_TOO_COMPLEX, message, messageVi);
    }
}
