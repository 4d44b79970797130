package vn.kyso.validation.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.kyso.validation.Explanation;

/**
 * The "sneaky signature" attack on certified documents (Mainka et al. 2021): a certification with P=2
 * lets anyone add a signature, and the new signature's appearance can be drawn over the certified
 * text. DSS treats a later signature as permitted and hides added widgets from its visual
 * comparison, so this looks at certified documents only: a signature widget added after the
 * certification, visible and with an appearance, placed where the certified page already shows
 * something. Uncertified letters are left alone: an organisation's seal is meant to overlap the
 * signer's name.
 */
final class SneakySignatures {

    static final String SIGNATURE_OVER_CONTENT = "SIGNATURE_OVER_CONTENT";

    private static final float DPI = 36;
    private static final int MAX_WIDGETS = 50;

    private SneakySignatures() {
    }

    /**
     * @param certifiedEnd where the bytes of the certification signature end, or empty if the document
     *                     has none
     */
    static Optional<Explanation> check(byte[] pdf, long certifiedEnd) {
        if (certifiedEnd <= 0 || certifiedEnd >= pdf.length) {
            return Optional.empty();
        }
        try (PDDocument fin = Loader.loadPDF(pdf);
                PDDocument certified = Loader.loadPDF(java.util.Arrays.copyOf(pdf, (int) certifiedEnd))) {
            if (fin.isEncrypted()) {
                return Optional.empty();
            }
            Set<COSDictionary> before = widgets(certified);
            Set<String> covering = new LinkedHashSet<>();
            int checked = 0;
            for (PDField field : fields(fin)) {
                if (!(field instanceof PDSignatureField) || checked++ > MAX_WIDGETS) {
                    continue;
                }
                for (PDAnnotationWidget widget : field.getWidgets()) {
                    if (!isNew(widget, before) || !drawsSomething(widget)) {
                        continue;
                    }
                    int page = pageIndex(fin, widget);
                    if (page >= 0 && page < certified.getNumberOfPages()
                            && coversContent(certified, page, widget.getRectangle())) {
                        covering.add(field.getFullyQualifiedName());
                    }
                }
            }
            if (covering.isEmpty()) {
                return Optional.empty();
            }
            String names = String.join(", ", covering);
            return Optional.of(new Explanation(SIGNATURE_OVER_CONTENT,
                    "Chữ ký thêm sau khi văn bản được chứng nhận (" + names + ") được vẽ đè lên nội dung đã chứng"
                            + " nhận (tấn công chữ ký lén) — không được phép",
                    "A signature added after the document was certified (" + names + ") is drawn over the "
                            + "certified content (sneaky signature attack) — not permitted"));
        } catch (IOException | RuntimeException e) {
            // a file PDFBox cannot render here is DSS's to judge
            return Optional.empty();
        }
    }

    private static List<PDField> fields(PDDocument doc) {
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        List<PDField> out = new java.util.ArrayList<>();
        form.getFieldTree().forEach(out::add);
        return out;
    }

    /** The widgets of the certified revision, identified by their rectangle and field name. */
    private static Set<COSDictionary> widgets(PDDocument doc) {
        Set<COSDictionary> out = new HashSet<>();
        for (PDField field : fields(doc)) {
            if (field instanceof PDSignatureField) {
                field.getWidgets().forEach(w -> out.add(w.getCOSObject()));
            }
        }
        return out;
    }

    /** A widget the certified revision did not have (same name and rectangle means the same widget). */
    private static boolean isNew(PDAnnotationWidget widget, Set<COSDictionary> before) {
        PDRectangle rect = widget.getRectangle();
        String name = widget.getCOSObject().getString(COSName.T);
        for (COSDictionary old : before) {
            COSArray oldRect = old.getCOSArray(COSName.RECT);
            if (rect != null && oldRect != null && new PDRectangle(oldRect).toString().equals(rect.toString())
                    && java.util.Objects.equals(name, old.getString(COSName.T))) {
                return false;
            }
        }
        return true;
    }

    private static boolean drawsSomething(PDAnnotationWidget widget) {
        PDRectangle rect = widget.getRectangle();
        if (rect == null || rect.getWidth() < 2 || rect.getHeight() < 2 || widget.isHidden() || widget.isNoView()) {
            return false;
        }
        COSDictionary ap = widget.getCOSObject().getCOSDictionary(COSName.AP);
        COSBase normal = ap == null ? null : ap.getDictionaryObject(COSName.N);
        return normal instanceof COSStream s && s.getLength() > 0;
    }

    private static int pageIndex(PDDocument doc, PDAnnotationWidget widget) throws IOException {
        PDPage page = widget.getPage();
        if (page != null) {
            return doc.getPages().indexOf(page);
        }
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            if (doc.getPage(i).getAnnotations().stream().anyMatch(a -> a.getCOSObject() == widget.getCOSObject())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the certified page shows anything (a non-white pixel) under the rectangle. */
    private static boolean coversContent(PDDocument certified, int page, PDRectangle rect) throws IOException {
        BufferedImage image = new PDFRenderer(certified).renderImageWithDPI(page, DPI, ImageType.RGB);
        PDRectangle box = certified.getPage(page).getCropBox();
        float scale = DPI / 72f;
        int x0 = clamp((int) ((rect.getLowerLeftX() - box.getLowerLeftX()) * scale), image.getWidth());
        int x1 = clamp((int) Math.ceil((rect.getUpperRightX() - box.getLowerLeftX()) * scale), image.getWidth());
        int y0 = clamp((int) ((box.getUpperRightY() - rect.getUpperRightY()) * scale), image.getHeight());
        int y1 = clamp((int) Math.ceil((box.getUpperRightY() - rect.getLowerLeftY()) * scale), image.getHeight());
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                if ((rgb & 0xf0f0f0) != 0xf0f0f0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
