package vn.kyso.conversion.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;
import org.w3c.dom.Node;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

/**
 * Builds a PDF/A from PNG, JPEG or TIFF (every frame a page) following PDFBox's documented PDF/A recipe: an sRGB
 * output intent, XMP with the pdfaid identification, embedded fonts. Written by hand rather than taken from
 * {@code tesseract ... pdf} because Tesseract's PDF has neither output intent nor XMP and uses a glyph-less
 * font, and rather than from LibreOffice because Draw places an image at its own size and adds no text layer.
 * The OCR words go in as invisible text (render mode 3) in Liberation Serif, stretched over each word's box, so
 * search and copy find the words where the reader sees them.
 */
final class ImagePdfA {

    record Built(byte[] pdf, int pages, boolean ocrUsed) {
    }

    /** Larger frames are refused before decoding: a 100 000 × 100 000 PNG is a few KB and 40 GB of pixels. */
    static final long MAX_PIXELS = 120_000_000L;
    static final int MAX_PAGES = 500;
    private static final float A4_LONG_EDGE = 842f;

    private final TesseractOcr ocr; // null: no OCR
    private final Path font;

    ImagePdfA(TesseractOcr ocr, Path font) {
        this.ocr = ocr;
        this.font = font;
    }

    /** OCR text of every frame, pages separated by a blank line; empty when Tesseract is not installed. */
    String recognise(byte[] content) {
        if (ocr == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            ImageReader reader = reader(in);
            try {
                int frames = frames(reader);
                for (int i = 0; i < frames; i++) {
                    BufferedImage image = flatten(readFrame(reader, i));
                    if (i > 0) {
                        text.append("\n\n");
                    }
                    text.append(TesseractOcr.text(ocr.words(image, Math.round(dpi(reader.getImageMetadata(i), image)))));
                }
            } finally {
                reader.dispose();
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    /** OCR text of the first {@code maxPages} pages of a PDF, rendered at 300 dpi: for scans without a text layer. */
    String recognisePdf(byte[] pdf, int maxPages) {
        if (ocr == null) {
            return "";
        }
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            StringBuilder text = new StringBuilder();
            int pages = Math.min(maxPages, doc.getNumberOfPages());
            for (int i = 0; i < pages; i++) {
                PDRectangle box = doc.getPage(i).getMediaBox();
                float dpi = Math.min(300f, (float) Math.sqrt(MAX_PIXELS / 4.0 / Math.max(1, box.getWidth() * box.getHeight())) * 72f);
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, org.apache.pdfbox.rendering.ImageType.RGB);
                if (i > 0) {
                    text.append("\n\n");
                }
                text.append(TesseractOcr.text(ocr.words(image, Math.round(dpi))));
            }
            return text.toString();
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    boolean ocrAvailable() {
        return ocr != null;
    }

    private static ImageReader reader(ImageInputStream in) {
        if (in == null) {
            throw Failures.failed("The image cannot be decoded", null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw Failures.failed("The image cannot be decoded", null);
        }
        ImageReader reader = readers.next();
        reader.setInput(in, false, false);
        return reader;
    }

    private static int frames(ImageReader reader) throws IOException {
        int frames = reader.getNumImages(true);
        if (frames < 1 || frames > MAX_PAGES) {
            throw Failures.tooLarge("The image has " + frames + " frames; at most " + MAX_PAGES + " are converted");
        }
        return frames;
    }

    private static BufferedImage readFrame(ImageReader reader, int i) throws IOException {
        if ((long) reader.getWidth(i) * reader.getHeight(i) > MAX_PIXELS) {
            throw Failures.tooLarge("The image is larger than " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return reader.read(i);
    }

    private static RuntimeException rethrow(Exception e) {
        if (e instanceof vn.kyso.conversion.ConversionException c) {
            return c;
        }
        return Failures.failed("The image cannot be decoded", e);
    }

    Built build(byte[] content, SourceFormat format, PdfAProfile profile) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content));
                PDDocument doc = new PDDocument()) {
            ImageReader reader = reader(in);
            boolean ocrUsed = false;
            try {
                int frames = frames(reader);
                PDType0Font text = ocr == null ? null : PDType0Font.load(doc, font.toFile());
                for (int i = 0; i < frames; i++) {
                    BufferedImage image = flatten(readFrame(reader, i));
                    float dpi = dpi(reader.getImageMetadata(i), image);
                    PDImageXObject xobject = format == SourceFormat.JPEG && frames == 1 && isPlainJpeg(image)
                            ? JPEGFactory.createFromByteArray(doc, content)
                            : LosslessFactory.createFromImage(doc, image);
                    ocrUsed |= addPage(doc, image, xobject, dpi, text);
                }
            } finally {
                reader.dispose();
            }
            markPdfA(doc, profile);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new Built(out.toByteArray(), doc.getNumberOfPages(), ocrUsed);
        } catch (IOException | RuntimeException e) {
            throw rethrow(e);
        }
    }

    private boolean addPage(PDDocument doc, BufferedImage image, PDImageXObject xobject, float dpi, PDType0Font font)
            throws IOException {
        float scale = 72f / dpi; // points per pixel
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        PDPage page = new PDPage(new PDRectangle(width, height));
        doc.addPage(page);
        List<TesseractOcr.Word> words = font == null ? List.of() : ocr.words(image, Math.round(dpi));
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(xobject, 0, 0, width, height);
            for (TesseractOcr.Word word : words) {
                float size = word.height() * scale;
                float boxWidth = word.width() * scale;
                float natural;
                try {
                    natural = font.getStringWidth(word.text()) / 1000f * size;
                } catch (IllegalArgumentException e) {
                    continue; // a character Liberation Serif lacks: the word stays image-only
                }
                if (natural <= 0 || size <= 0) {
                    continue;
                }
                cs.beginText();
                cs.setFont(font, size);
                cs.setRenderingMode(RenderingMode.NEITHER);
                cs.setHorizontalScaling(100f * boxWidth / natural);
                cs.newLineAtOffset(word.left() * scale, height - (word.top() + word.height()) * scale);
                cs.showText(word.text());
                cs.endText();
            }
        }
        return !words.isEmpty();
    }

    private static void markPdfA(PDDocument doc, PdfAProfile profile) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(profile.part());
        try {
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException("B is a valid PDF/A conformance level", e);
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, xml, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("XMP serialisation failed", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xml.toByteArray());
        doc.getDocumentCatalog().setMetadata(metadata);
        // The JDK's built-in sRGB profile: no ICC file to ship or to find on disk.
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    /** Alpha over white: a page has no "transparent" paper, and PDF/A is simpler without soft masks. */
    private static BufferedImage flatten(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_3BYTE_BGR
                || type == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static boolean isPlainJpeg(BufferedImage image) {
        int components = image.getColorModel().getNumComponents();
        return components == 1 || components == 3;
    }

    /**
     * The resolution the image declares, else one that makes the long edge an A4 page's: a photo from a phone
     * declares 72 dpi and would otherwise become a page a metre wide.
     */
    static float dpi(IIOMetadata metadata, BufferedImage image) {
        try {
            if (metadata != null && metadata.isStandardMetadataFormatSupported()) {
                Node root = metadata.getAsTree("javax_imageio_1.0");
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("Dimension".equals(n.getNodeName())) {
                        for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                            if ("HorizontalPixelSize".equals(d.getNodeName())) {
                                float mmPerPixel = Float.parseFloat(
                                        d.getAttributes().getNamedItem("value").getNodeValue());
                                float dpi = 25.4f / mmPerPixel;
                                if (dpi >= 100 && dpi <= 1200) {
                                    return dpi;
                                }
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // unreadable metadata: fall through to the A4 rule
        }
        float longEdge = Math.max(image.getWidth(), image.getHeight());
        return Math.max(36f, longEdge * 72f / A4_LONG_EDGE);
    }
}
