package vn.kyso.signing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * The check of a digitised paper original before it is signed as an electronic copy (Decree 30/2020,
 * Art. 25 and Appendix I: a paper document is digitised "ở chế độ màu", at a resolution of at least
 * 200 dpi, into a PDF of version 1.4 or later).
 *
 * <p>A scan is recognised by its images: every image drawn over at least half of a page is taken as the
 * page's scan and must be in colour (a colour space of three or more components, or an indexed palette over
 * one) and at least 200 dpi along both axes, measured from its pixels and the size it is drawn at. A page
 * without such an image (a letter produced as text and printed, then its PDF kept) has nothing to measure
 * and passes; only the PDF version applies to it.
 */
final class PaperScan {

    static final float MIN_DPI = 200f;
    static final float MIN_VERSION = 1.4f;
    /** Share of the page an image must cover to count as the page's scan rather than a logo or seal. */
    private static final float PAGE_SHARE = 0.5f;

    private PaperScan() {
    }

    /** @throws SigningException COPY_SOURCE_SCAN_INVALID naming the first rule the document breaks */
    static void check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
            float version = document.getVersion();
            if (version + 0.001f < MIN_VERSION) {
                throw refused(String.format(Locale.ROOT, "the PDF is version %.1f, older than 1.4", version),
                        String.format(Locale.ROOT, "tệp PDF phiên bản %.1f, cũ hơn 1.4", version));
            }
            int number = 0;
            for (PDPage page : document.getPages()) {
                number++;
                for (Drawn image : ImagesOnPage.of(page)) {
                    float pageArea = page.getMediaBox().getWidth() * page.getMediaBox().getHeight();
                    if (image.widthPt() * image.heightPt() < PAGE_SHARE * pageArea) {
                        continue;
                    }
                    if (!image.colour()) {
                        throw refused(String.format(Locale.ROOT, "page %d is scanned in grey or black and white, "
                                + "not in colour", number), String.format(Locale.ROOT,
                                "trang %d được số hóa ở chế độ xám hoặc đen trắng, không phải chế độ màu", number));
                    }
                    float dpi = image.dpi();
                    if (dpi + 0.5f < MIN_DPI) {
                        throw refused(String.format(Locale.ROOT, "page %d is scanned at %.0f dpi, below 200 dpi",
                                number, dpi), String.format(Locale.ROOT,
                                "trang %d được số hóa ở độ phân giải %.0f dpi, thấp hơn 200 dpi", number, dpi));
                    }
                }
            }
        } catch (IOException e) {
            throw new SigningException(SigningError.NOT_A_PDF, "The document is not a readable PDF.", e);
        }
    }

    private static SigningException refused(String why, String whyVi) {
        return new SigningException(SigningError.COPY_SOURCE_SCAN_INVALID,
                "A copy from paper needs the paper original digitised in colour, at 200 dpi or more, as a PDF 1.4 "
                        + "or later; " + why + ".",
                "Bản sao từ văn bản giấy cần bản giấy được số hóa ở chế độ màu, độ phân giải tối thiểu 200 dpi, "
                        + "định dạng PDF phiên bản 1.4 trở lên; " + whyVi + ".");
    }

    /** One image as drawn: its size on the page in points, its pixels and whether it is in colour. */
    record Drawn(float widthPt, float heightPt, int widthPx, int heightPx, boolean colour) {

        /** The lower resolution of the two axes, since a scan must reach 200 dpi along both. */
        float dpi() {
            return Math.min(widthPx / (widthPt / 72f), heightPx / (heightPt / 72f));
        }
    }

    /** Follows the content stream's transformations to each image's drawn size, into form XObjects too. */
    private static final class ImagesOnPage extends PDFStreamEngine {

        private final List<Drawn> images = new ArrayList<>();

        private ImagesOnPage() {
            addOperator(new Concatenate(this));
            addOperator(new SetMatrix(this));
            addOperator(new Save(this));
            addOperator(new Restore(this));
            addOperator(new SetGraphicsStateParameters(this));
            addOperator(new DrawObject(this));
        }

        static List<Drawn> of(PDPage page) throws IOException {
            ImagesOnPage engine = new ImagesOnPage();
            engine.processPage(page);
            return engine.images;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
                PDXObject object = getResources().getXObject(name);
                if (object instanceof PDImageXObject image) {
                    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                    images.add(new Drawn(Math.abs(ctm.getScalingFactorX()), Math.abs(ctm.getScalingFactorY()),
                            image.getWidth(), image.getHeight(), colour(image.getColorSpace())));
                    return;
                }
                if (object instanceof PDFormXObject form) {
                    showForm(form);
                    return;
                }
            }
            super.processOperator(operator, operands);
        }

        private static boolean colour(PDColorSpace space) throws IOException {
            if (space instanceof PDIndexed indexed) {
                return indexed.getBaseColorSpace().getNumberOfComponents() >= 3;
            }
            return space != null && space.getNumberOfComponents() >= 3;
        }
    }
}
