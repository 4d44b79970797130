package vn.kyso.signing.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Signature and seal images drawn with Java2D, so no binary fixture has to be kept in the repository. */
final class TestImages {

    /** Ink of the person's signature (Appendix I asks for blue). */
    static final Color INK = new Color(20, 50, 190);
    /** Seal red. */
    static final Color SEAL_RED = new Color(215, 25, 30);

    private TestImages() {
    }

    /** A handwritten-looking blue signature on a transparent background, 360 × 150 px. */
    static byte[] signature() {
        BufferedImage image = new BufferedImage(360, 150, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(INK);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D path = new GeneralPath();
        path.moveTo(20, 110);
        path.curveTo(50, 10, 80, 10, 90, 100);
        path.curveTo(100, 140, 130, 40, 150, 60);
        path.curveTo(170, 80, 170, 120, 200, 90);
        path.curveTo(230, 60, 240, 30, 260, 70);
        path.curveTo(280, 110, 300, 100, 340, 40);
        g.draw(path);
        g.drawLine(60, 125, 320, 118);
        g.dispose();
        return png(image);
    }

    /** A round red seal with a star and the issuer's name on a transparent background, 400 × 400 px. */
    static byte[] seal() {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(SEAL_RED);
        g.setStroke(new BasicStroke(14f));
        g.drawOval(10, 10, 380, 380);
        g.setStroke(new BasicStroke(5f));
        g.drawOval(75, 75, 250, 250);
        g.fill(star(200, 200, 70, 28));
        drawAround(g, "ỦY BAN NHÂN DÂN * TỈNH BÌNH AN *", 200, 200, 150);
        g.dispose();
        return png(image);
    }

    /** An opaque image (no alpha channel), which Decree 30 does not allow for signatures or seals. */
    static byte[] opaque() {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.setColor(SEAL_RED);
        g.fillOval(20, 20, 160, 160);
        g.dispose();
        return png(image);
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new GeneralPath();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double angle = Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(angle);
            double y = cy - r * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static void drawAround(Graphics2D g, String text, double cx, double cy, double radius) {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, SampleLetters.SERIF_BOLD.toFile()).deriveFont(30f);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException(e);
        }
        g.setFont(font);
        double step = 2 * Math.PI / text.length();
        for (int i = 0; i < text.length(); i++) {
            double angle = -Math.PI / 2 + i * step;
            AffineTransform saved = g.getTransform();
            g.translate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            String letter = String.valueOf(text.charAt(i));
            g.drawString(letter, -g.getFontMetrics().stringWidth(letter) / 2f, 10);
            g.setTransform(saved);
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
