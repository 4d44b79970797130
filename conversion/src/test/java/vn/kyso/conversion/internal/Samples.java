package vn.kyso.conversion.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.document.DocumentFormat;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.SourceFormat;

/**
 * Sample documents made at test time, so no binary fixture is committed: flat ODF written as text and
 * converted by the same LibreOffice pool to DOCX, DOC, ODT, RTF and XLSX; images drawn with Java2D in
 * Liberation Serif at 300 dpi. One service (two LibreOffice processes) serves every test class in the JVM.
 */
final class Samples {

    static final String SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    private static LibreOfficeConversionService service;
    private static final Map<SourceFormat, byte[]> DOCUMENTS = new EnumMap<>(SourceFormat.class);

    private Samples() {
    }

    static synchronized LibreOfficeConversionService service() {
        if (service == null) {
            service = new LibreOfficeConversionService(ConversionSettings.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
        }
        return service;
    }

    static synchronized byte[] document(SourceFormat format) {
        return DOCUMENTS.computeIfAbsent(format, Samples::make).clone();
    }

    private static byte[] make(SourceFormat format) {
        return switch (format) {
            case HTML -> html().getBytes(StandardCharsets.UTF_8);
            case ODT -> fromText(fodt(), DefaultDocumentFormatRegistry.FODT, DefaultDocumentFormatRegistry.ODT);
            case DOCX -> fromText(fodt(), DefaultDocumentFormatRegistry.FODT, DefaultDocumentFormatRegistry.DOCX);
            case DOC -> fromText(fodt(), DefaultDocumentFormatRegistry.FODT, DefaultDocumentFormatRegistry.DOC);
            case RTF -> fromText(fodt(), DefaultDocumentFormatRegistry.FODT, DefaultDocumentFormatRegistry.RTF);
            case XLSX -> fromText(fods(), DefaultDocumentFormatRegistry.FODS, DefaultDocumentFormatRegistry.XLSX);
            case PNG -> image("png", SENTENCE, MOTTO);
            case JPEG -> image("jpeg", SENTENCE, MOTTO);
            case PDF -> fromText(fodt(), DefaultDocumentFormatRegistry.FODT, DefaultDocumentFormatRegistry.PDF);
            default -> throw new IllegalArgumentException("no sample for " + format);
        };
    }

    private static byte[] fromText(String xml, DocumentFormat from, DocumentFormat to) {
        return service().pool().convert(xml.getBytes(StandardCharsets.UTF_8), from, to, Map.of());
    }

    static String html() {
        return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Công văn</title></head>"
                + "<body style=\"font-family: 'Liberation Serif'\"><h1>" + SENTENCE + "</h1><p>" + MOTTO
                + "</p></body></html>\n";
    }

    static String fodt() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
                    xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
                    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
                    office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
                 <office:meta><dc:title>Công văn mẫu</dc:title></office:meta>
                 <office:font-face-decls>
                  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
                 </office:font-face-decls>
                 <office:styles>
                  <style:default-style style:family="paragraph">
                   <style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt"
                       fo:language="vi" fo:country="VN"/>
                  </style:default-style>
                 </office:styles>
                 <office:body><office:text>
                  <text:p>%s</text:p>
                  <text:p>%s</text:p>
                 </office:text></office:body>
                </office:document>
                """.formatted(SENTENCE, MOTTO);
    }

    static String fods() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                    office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
                 <office:body><office:spreadsheet>
                  <table:table table:name="Trang1">
                   <table:table-row>
                    <table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>
                   </table:table-row>
                   <table:table-row>
                    <table:table-cell office:value-type="float" office:value="2025"><text:p>2025</text:p></table:table-cell>
                   </table:table-row>
                  </table:table>
                 </office:spreadsheet></office:body>
                </office:document>
                """.formatted(SENTENCE);
    }

    /** Lines of Vietnamese in 12 pt Liberation Serif on a white page strip, at 300 dpi. */
    static byte[] image(String format, String... lines) {
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT,
                    ConversionSettings.DEFAULT_FONTS.resolve("LiberationSerif-Regular.ttf").toFile())
                    .deriveFont(50f); // 12 pt at 300 dpi
            BufferedImage image = new BufferedImage(2100, 150 + 80 * lines.length, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 100, 120 + 80 * i);
            }
            g.dispose();
            return write(image, format, 300);
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes with the resolution recorded (pHYs in PNG, JFIF density in JPEG) through the standard metadata tree. */
    static byte[] write(BufferedImage image, String format, int dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            if (format.equals("png")) {
                // The PNG plugin's standard-tree mapping of pixel size is off by 1000 (JDK-8195851 and kin);
                // its native pHYs node says it in pixels per metre without ambiguity.
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", ppm);
                phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                IIOMetadataNode nativeRoot = new IIOMetadataNode("javax_imageio_png_1.0");
                nativeRoot.appendChild(phys);
                metadata.mergeTree("javax_imageio_png_1.0", nativeRoot);
                return encode(writer, image, metadata, param);
            }
            double mmPerPixel = 25.4 / dpi;
            IIOMetadataNode h = new IIOMetadataNode("HorizontalPixelSize");
            h.setAttribute("value", Double.toString(mmPerPixel));
            IIOMetadataNode v = new IIOMetadataNode("VerticalPixelSize");
            v.setAttribute("value", Double.toString(mmPerPixel));
            IIOMetadataNode dim = new IIOMetadataNode("Dimension");
            dim.appendChild(h);
            dim.appendChild(v);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dim);
            metadata.mergeTree("javax_imageio_1.0", root);
            return encode(writer, image, metadata, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(ImageWriter writer, BufferedImage image, IIOMetadata metadata,
            ImageWriteParam param) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    static String text(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(doc),
                    java.text.Normalizer.Form.NFC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir() {
        return Path.of(System.getProperty("kyso.test.workdir", System.getProperty("java.io.tmpdir")));
    }
}
