package vn.kyso.validation.internal;

import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.modifications.CommonPdfModification;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.modifications.PdfModification;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDocumentReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DSS's visual comparison of a signed revision with the final document, with the same rule and a
 * faster pixel test.
 *
 * <p>Why not DSS's own: {@code DefaultPdfDifferencesFinder} renders each page of both revisions (the
 * final one without the annotations added after signing), then calls {@code ImageUtils.imagesEqual},
 * which paints a difference image pixel by pixel with {@code getRGB}/{@code setRGB}; profiling showed
 * that step alone taking more than half of a one-page validation. This class keeps DSS's rendering, its
 * page limit and its "updated annotations" rule, and compares the rendered pages row by row with bulk
 * {@code getRGB}, ignoring alpha exactly as DSS does. A difference is reported the same way, as a
 * {@link CommonPdfModification} of the page.
 *
 * <p>Before rendering a page it tries to prove the page drawn alike from the objects themselves
 * ({@link SamePageContent}); a revision that only adds validation data (B-LT, B-LTA) or leaves the page
 * alone is then compared without rendering. Where the proof fails, the page is rendered and compared.
 */
final class FastVisualDifferencesFinder extends DefaultPdfDifferencesFinder {

    private static final Logger log = LoggerFactory.getLogger(FastVisualDifferencesFinder.class);
    /** DSS's default: longer documents are not compared visually. */
    static final int MAX_PAGES = 10;

    FastVisualDifferencesFinder() {
        setMaximalPagesAmountForVisualComparison(MAX_PAGES);
    }

    @Override
    public List<PdfModification> getVisualDifferences(PdfDocumentReader signedRevision,
            PdfDocumentReader finalRevision) {
        int pages = finalRevision.getNumberOfPages();
        if (pages > MAX_PAGES) {
            return List.of();
        }
        List<PdfModification> differences = new ArrayList<>();
        for (int page = 1; page <= signedRevision.getNumberOfPages() && page <= pages; page++) {
            try {
                List<PdfAnnotation> before = signedRevision.getPdfAnnotations(page);
                List<PdfAnnotation> after = finalRevision.getPdfAnnotations(page);
                List<PdfAnnotation> added = new ArrayList<>();
                Set<Integer> addedIndexes = new HashSet<>();
                for (int i = 0; i < after.size(); i++) {
                    if (!before.contains(after.get(i))) {
                        added.add(after.get(i));
                        addedIndexes.add(i);
                    }
                }
                if (drawnAlike(signedRevision, finalRevision, page, after.size(), addedIndexes)) {
                    continue;
                }
                BufferedImage signed = signedRevision.generateImageScreenshot(page);
                BufferedImage current = finalRevision.generateImageScreenshotWithoutAnnotations(page, added);
                if (!sameRgb(signed, current)) {
                    log.warn("A visual difference found on page {} between a signed revision and the final document",
                            page);
                    differences.add(new CommonPdfModification(page));
                }
            } catch (IOException e) {
                log.warn("Unable to compare page {} visually: {}", page, e.getMessage());
            }
        }
        return differences;
    }

    /** Whether the page is drawn alike in both without rendering it ({@link SamePageContent}). */
    private static boolean drawnAlike(PdfDocumentReader signedRevision, PdfDocumentReader finalRevision, int page,
            int annotations, Set<Integer> addedIndexes) {
        return signedRevision instanceof PdfBoxDocumentReader signed
                && finalRevision instanceof PdfBoxDocumentReader current
                && SamePageContent.proven(signed.getPDDocument(), current.getPDDocument(), page, annotations,
                        addedIndexes);
    }

    /** Same dimensions and the same red, green and blue in every pixel. */
    static boolean sameRgb(BufferedImage a, BufferedImage b) {
        int width = a.getWidth();
        int height = a.getHeight();
        if (width != b.getWidth() || height != b.getHeight()) {
            return false;
        }
        int[] pixelsA = packedRgb(a);
        int[] pixelsB = packedRgb(b);
        if (pixelsA != null && pixelsB != null) {
            // PDFBox renders pages as TYPE_INT_RGB: compare the backing arrays directly.
            return Arrays.equals(pixelsA, pixelsB);
        }
        int[] rowA = new int[width];
        int[] rowB = new int[width];
        for (int y = 0; y < height; y++) {
            a.getRGB(0, y, width, 1, rowA, 0, width);
            b.getRGB(0, y, width, 1, rowB, 0, width);
            for (int x = 0; x < width; x++) {
                if (((rowA[x] ^ rowB[x]) & 0x00FFFFFF) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The pixel array of an unshared TYPE_INT_RGB image (no alpha, one int per pixel), else null. */
    private static int[] packedRgb(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB
                || !(image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt buffer)
                || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || buffer.getSize() != image.getWidth() * image.getHeight()
                || image.getRaster().getSampleModelTranslateX() != 0
                || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        int[] data = buffer.getData();
        for (int i = 0; i < data.length; i++) {
            // TYPE_INT_RGB ignores the top byte; make sure it cannot make equal pixels differ.
            if ((data[i] & 0xFF000000) != 0) {
                return null;
            }
        }
        return data;
    }
}
