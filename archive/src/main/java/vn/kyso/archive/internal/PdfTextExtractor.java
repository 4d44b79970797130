package vn.kyso.archive.internal;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import vn.kyso.archive.spi.TextExtractor;

/** The archive's own fallback extractor: text and pages of PDFs with PDFBox, nothing for other types. */
public final class PdfTextExtractor implements TextExtractor {

    private static final int MAX_CHARS = 1_000_000;

    @Override
    public Extracted extract(String name, byte[] content) {
        if (content.length < 5 || content[0] != '%' || content[1] != 'P') {
            return new Extracted("", null);
        }
        try (PDDocument pdf = Loader.loadPDF(content)) {
            String text = new PDFTextStripper().getText(pdf);
            return new Extracted(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text,
                    pdf.getNumberOfPages());
        } catch (IOException | RuntimeException e) {
            return new Extracted("", null);
        }
    }
}
