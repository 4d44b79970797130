package vn.kyso.signing.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.PdfFacts.TextBox;

/**
 * Reads what the layouts need from a PDF and refuses what cannot be signed. Messages are shown to
 * clients, so they say what is wrong with the document and never carry paths or parser internals
 * (those stay in the cause).
 */
final class PdfInspector {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** Acrobat accepts a header anywhere in the first 1024 bytes; so do we, and no further. */
    private static final int HEADER_WINDOW = 1024;
    /** PDFBox keeps new streams in memory up to this size and in temporary files beyond it. */
    private static final long STREAM_CACHE_MEMORY = 8L * 1024 * 1024;
    /** A page of text has tens of runs; this only stops a pathological page from growing the list. */
    private static final int MAX_RUNS = 20_000;

    private PdfInspector() {
    }

    static PdfFacts inspect(byte[] pdf) {
        return inspect(pdf, true);
    }

    /**
     * @param withText whether to collect the text runs of the last page and page one; only the default
     *                 placements of the person's signature and of the copy mark need them, and extracting
     *                 text costs more than the rest together
     */
    static PdfFacts inspect(byte[] pdf, boolean withText) {
        Objects.requireNonNull(pdf, "pdf");
        if (!hasHeader(pdf)) {
            throw new SigningException(SigningError.NOT_A_PDF,
                    "The document is not a PDF: there is no %PDF- header in its first 1024 bytes.");
        }
        // An empty password opens documents that only have an owner password; those are refused below.
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
                MemoryUsageSetting.setupMixed(STREAM_CACHE_MEMORY).streamCache)) {
            if (document.isEncrypted()) {
                throw new SigningException(SigningError.ENCRYPTED_PDF,
                        "The PDF is encrypted (it carries an owner password or permissions). Signing an "
                                + "encrypted PDF is refused; send an unencrypted copy.");
            }
            return read(document, withText);
        } catch (InvalidPasswordException e) {
            throw new SigningException(SigningError.ENCRYPTED_PDF,
                    "The PDF is protected by a password. Signing an encrypted PDF is refused; send an "
                            + "unencrypted copy.", e);
        } catch (SigningException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT,
                    "The PDF cannot be read: it is damaged, truncated or not well formed.", e);
        }
    }

    private static boolean hasHeader(byte[] pdf) {
        int last = Math.min(pdf.length, HEADER_WINDOW) - HEADER.length;
        for (int start = 0; start <= last; start++) {
            int i = 0;
            while (i < HEADER.length && pdf[start + i] == HEADER[i]) {
                i++;
            }
            if (i == HEADER.length) {
                return true;
            }
        }
        return false;
    }

    private static PdfFacts read(PDDocument document, boolean withText) {
        // Walk the tree rather than trust /Count, which a damaged file may get wrong.
        List<PDPage> pdPages = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            pdPages.add(page);
        }
        if (pdPages.isEmpty()) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT, "The PDF has no pages.");
        }
        List<PageBox> pages = pdPages.stream().map(PdfInspector::pageBox).toList();
        List<SignatureField> fields = signatureFields(document, pdPages);
        List<TextBox> text = withText ? pageText(document, pdPages.size()) : List.of();
        List<TextBox> first = !withText ? List.of() : pdPages.size() == 1 ? text : pageText(document, 1);
        return new PdfFacts(pdPages.size(), pages, fields, text, first);
    }

    private static PageBox pageBox(PDPage page) {
        PDRectangle media = page.getMediaBox();
        int rotation = rotation(page);
        boolean sideways = rotation == 90 || rotation == 270;
        return sideways
                ? new PageBox(media.getHeight(), media.getWidth(), rotation)
                : new PageBox(media.getWidth(), media.getHeight(), rotation);
    }

    private static int rotation(PDPage page) {
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        return rotation % 90 == 0 ? rotation : 0;
    }

    private static List<SignatureField> signatureFields(PDDocument document, List<PDPage> pages) {
        // No fix-ups: inspection must not change the document it describes.
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        record Found(long order, SignatureField field) {
        }
        List<Found> found = new ArrayList<>();
        WidgetPages widgetPages = new WidgetPages(pages);
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDSignatureField signatureField)) {
                continue;
            }
            PDSignature signature = signatureField.getSignature();
            long order = signature == null ? Long.MAX_VALUE : signedUpTo(signature);
            String name = Objects.requireNonNullElse(signatureField.getFullyQualifiedName(), "");
            for (PDAnnotationWidget widget : signatureField.getWidgets()) {
                PDRectangle rectangle = widget.getRectangle();
                int index = widgetPages.indexOf(widget);
                if (rectangle == null || index < 0 || !isFinite(rectangle)) {
                    continue;
                }
                Rect rect = displayed(rectangle, pages.get(index));
                found.add(new Found(order, new SignatureField(name, index + 1, rect.x(), rect.y(),
                        rect.width(), rect.height(), signature != null)));
            }
        }
        found.sort(Comparator.comparingLong(Found::order));
        return found.stream().map(Found::field).toList();
    }

    /** Where the revision that holds this signature ends, which orders signatures by signing time. */
    private static long signedUpTo(PDSignature signature) {
        int[] byteRange = signature.getByteRange();
        return byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : Long.MAX_VALUE - 1;
    }

    private static boolean isFinite(PDRectangle r) {
        return Float.isFinite(r.getLowerLeftX()) && Float.isFinite(r.getLowerLeftY())
                && Float.isFinite(r.getUpperRightX()) && Float.isFinite(r.getUpperRightY());
    }

    /**
     * Converts a rectangle in PDF user space (origin bottom-left of the MediaBox) to the displayed
     * page's top-left frame. Rotation is clockwise, as /Rotate is.
     */
    static Rect displayed(PDRectangle r, PDPage page) {
        PDRectangle media = page.getMediaBox();
        float x = r.getLowerLeftX() - media.getLowerLeftX();
        float y = r.getLowerLeftY() - media.getLowerLeftY();
        float w = r.getWidth();
        float h = r.getHeight();
        float pageWidth = media.getWidth();
        float pageHeight = media.getHeight();
        return switch (rotation(page)) {
            case 90 -> new Rect(y, x, h, w);
            case 180 -> new Rect(pageWidth - x - w, y, w, h);
            case 270 -> new Rect(pageHeight - y - h, pageWidth - x - w, h, w);
            default -> new Rect(x, pageHeight - y - h, w, h);
        };
    }

    /**
     * Text boxes of one page, for placing a person's signature near the signature block (last page) or
     * the copy mark clear of the heading (page one). Text extraction is best effort: if it fails the layout falls back to a fixed place, so a page whose
     * text cannot be extracted is not a reason to refuse the document.
     */
    private static List<TextBox> pageText(PDDocument document, int pageNumber) {
        try {
            WordCollector collector = new WordCollector();
            collector.setStartPage(pageNumber);
            collector.setEndPage(pageNumber);
            collector.setSortByPosition(true);
            collector.writeText(document, Writer.nullWriter());
            return collector.runs;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Finds the page of a widget: from its /P entry, else from the pages' /Annots arrays. */
    private static final class WidgetPages {

        private final List<PDPage> pages;
        private Map<COSBase, Integer> byAnnotation;

        WidgetPages(List<PDPage> pages) {
            this.pages = pages;
        }

        int indexOf(PDAnnotationWidget widget) {
            PDPage page = widget.getPage();
            if (page != null) {
                for (int i = 0; i < pages.size(); i++) {
                    if (pages.get(i).getCOSObject() == page.getCOSObject()) {
                        return i;
                    }
                }
            }
            return annotationIndex().getOrDefault(widget.getCOSObject(), -1);
        }

        private Map<COSBase, Integer> annotationIndex() {
            if (byAnnotation == null) {
                byAnnotation = new IdentityHashMap<>();
                for (int i = 0; i < pages.size(); i++) {
                    COSArray annotations = pages.get(i).getCOSObject().getCOSArray(COSName.ANNOTS);
                    if (annotations == null) {
                        continue;
                    }
                    for (int j = 0; j < annotations.size(); j++) {
                        COSBase annotation = annotations.getObject(j);
                        if (annotation != null) {
                            byAnnotation.putIfAbsent(annotation, i);
                        }
                    }
                }
            }
            return byAnnotation;
        }
    }

    /**
     * Collects the boxes of the text runs PDFTextStripper writes (one call per run of a line) instead
     * of the text; their coordinates already have the page rotation applied.
     */
    private static final class WordCollector extends PDFTextStripper {

        final List<TextBox> runs = new ArrayList<>();

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (runs.size() >= MAX_RUNS || text.isBlank() || positions.isEmpty()) {
                return;
            }
            float left = Float.MAX_VALUE;
            float right = -Float.MAX_VALUE;
            float top = Float.MAX_VALUE;
            float baseline = -Float.MAX_VALUE;
            for (TextPosition p : positions) {
                left = Math.min(left, p.getX());
                right = Math.max(right, p.getX() + p.getWidth());
                top = Math.min(top, p.getY() - p.getHeight());
                baseline = Math.max(baseline, p.getY());
            }
            if (Float.isFinite(left + right + top + baseline) && right >= left && baseline >= top) {
                runs.add(new TextBox(left, top, right - left, baseline - top));
            }
        }
    }
}
