package vn.kyso.demopki;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the images that visible signatures show: a handwriting-like signature for a person and a red
 * round seal for an organisation, on transparent backgrounds.
 */
final class AppearanceImages {

    private static final Logger LOG = LoggerFactory.getLogger(AppearanceImages.class);
    private static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/liberation2");
    private static final Color INK = new Color(20, 40, 125);
    private static final Color SEAL_RED = new Color(205, 22, 34, 235);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** 400 px over 40 mm. */
    private static final int SEAL_PIXELS_PER_METRE = 10_000;

    private AppearanceImages() {
    }

    static byte[] signature(String name) {
        BufferedImage image = new BufferedImage(600, 240, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        try {
            String text = nfc(name);
            Font font = font("LiberationSerif-Italic.ttf", Font.ITALIC, 84f);
            // A forward slant beyond the italic's own makes it read as handwriting rather than print.
            font = font.deriveFont(AffineTransform.getShearInstance(-0.18, 0));
            while (width(g, font, text) > 520 && font.getSize2D() > 20) {
                font = font.deriveFont(font.getSize2D() * 0.92f);
            }
            double textWidth = width(g, font, text);
            float x = (float) ((600 - textWidth) / 2);
            g.setColor(INK);
            g.setFont(font);
            g.drawString(text, x, 135f);

            Path2D flourish = new Path2D.Double();
            flourish.moveTo(x - 12, 172);
            flourish.curveTo(x + textWidth * 0.30, 214, x + textWidth * 0.70, 146, x + textWidth + 24, 158);
            flourish.quadTo(x + textWidth * 0.62, 196, x + textWidth * 0.18, 186);
            g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(flourish);
        } finally {
            g.dispose();
        }
        return png(image);
    }

    static byte[] seal(String organisation) {
        int size = 400;
        double centre = size / 2.0;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(image);
        try {
            g.setColor(SEAL_RED);
            g.setStroke(new BasicStroke(8f));
            g.draw(new Ellipse2D.Double(centre - 188, centre - 188, 376, 376));
            g.setStroke(new BasicStroke(3f));
            g.draw(new Ellipse2D.Double(centre - 140, centre - 140, 280, 280));

            drawAroundCircle(g, nfc(organisation).toUpperCase(VIETNAMESE), centre, 150);
            g.fill(star(centre, centre - 14, 58, 23));

            Font caption = font("LiberationSerif-Bold.ttf", Font.BOLD, 24f);
            g.setFont(caption);
            String text = "DEMO";
            g.drawString(text, (float) (centre - width(g, caption, text) / 2), (float) centre + 82);
        } finally {
            g.dispose();
        }
        return withResolution(png(image), SEAL_PIXELS_PER_METRE);
    }

    /**
     * The PNG with a pHYs chunk right after its header, so that the signing service draws the seal at its real
     * size: 400 px at 10,000 px/m is a 40 mm seal, the usual size of an organisation's round seal.
     */
    static byte[] withResolution(byte[] png, int pixelsPerMetre) {
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(21);
        chunk.putInt(9).put("pHYs".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(pixelsPerMetre)
                .putInt(pixelsPerMetre).put((byte) 1);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 13);
        chunk.putInt((int) crc.getValue());
        int afterHeader = 8 + 25; // signature, then IHDR: length, type, 13 bytes of data, CRC
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** Writes the text clockwise along the ring, centred on top, glyph tops facing outwards. */
    private static void drawAroundCircle(Graphics2D g, String text, double centre, double radius) {
        double maxArc = Math.toRadians(320);
        double minArc = Math.toRadians(200);
        Font font = font("LiberationSerif-Bold.ttf", Font.BOLD, 30f);
        int[] codePoints = text.codePoints().toArray();
        while (naturalWidth(g, font, codePoints) / radius > maxArc && font.getSize2D() > 10) {
            font = font.deriveFont(font.getSize2D() - 1f);
        }
        double natural = naturalWidth(g, font, codePoints);
        double spacing = codePoints.length > 1
                ? Math.max(0, (minArc * radius - natural) / (codePoints.length - 1)) : 0;
        double arc = (natural + spacing * (codePoints.length - 1)) / radius;
        double angle = -Math.PI / 2 - arc / 2;
        g.setFont(font);
        AffineTransform saved = g.getTransform();
        for (int codePoint : codePoints) {
            String glyph = new String(Character.toChars(codePoint));
            double w = width(g, font, glyph);
            double theta = angle + (w / 2) / radius;
            g.translate(centre + radius * Math.cos(theta), centre + radius * Math.sin(theta));
            g.rotate(theta + Math.PI / 2);
            g.drawString(glyph, (float) (-w / 2), 0f);
            g.setTransform(saved);
            angle += (w + spacing) / radius;
        }
    }

    private static double naturalWidth(Graphics2D g, Font font, int[] codePoints) {
        double total = 0;
        for (int codePoint : codePoints) {
            total += width(g, font, new String(Character.toChars(codePoint)));
        }
        return total;
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        return star;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static double width(Graphics2D g, Font font, String text) {
        FontRenderContext context = g.getFontRenderContext();
        Rectangle2D bounds = font.getStringBounds(text, context);
        return bounds.getWidth();
    }

    /** Liberation fonts cover Vietnamese; the logical fallback may draw boxes for some letters. */
    private static Font font(String file, int fallbackStyle, float size) {
        Path path = FONT_DIR.resolve(file);
        if (Files.isReadable(path)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, path.toFile()).deriveFont(size);
            } catch (FontFormatException | IOException e) {
                LOG.warn("Cannot load font {}, falling back to a logical font", path, e);
            }
        }
        return new Font(Font.SERIF, fallbackStyle, Math.round(size));
    }

    /** Precomposed letters have single glyphs in the font; combining marks may be drawn misplaced. */
    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }
}
