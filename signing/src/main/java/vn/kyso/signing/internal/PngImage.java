package vn.kyso.signing.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * A signature or seal image checked against Decree 30/2020, Appendix I: PNG with a transparent
 * background. A seal without transparency would paint a white square over the person's signature or
 * the document's heading, so it is refused rather than drawn.
 */
record PngImage(int width, int height, double pixelsPerMetre, boolean blueInk) {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] IHDR = "IHDR".getBytes(StandardCharsets.US_ASCII);
    /** A 45 mm seal scanned at 600 dpi is about 1,100 pixels; this bounds what decoding can cost. */
    static final int MAX_SIDE = 4096;

    float aspect() {
        return (float) width / height;
    }

    /**
     * The image's real width from its pHYs chunk (pixels per metre), as scanners and image editors write
     * it; NaN when the PNG states no physical resolution (pHYs absent, or only an aspect ratio).
     */
    double widthMm() {
        return pixelsPerMetre > 0 ? width * 1000.0 / pixelsPerMetre : Double.NaN;
    }

    /**
     * Whether the drawn (mostly opaque) pixels are blue on average: blue clearly above red and green. Appendix
     * I asks for the person's signature "màu xanh"; black or red ink is refused for it. Sampled on a grid
     * of at most about 250,000 pixels, which bounds the cost for the largest images allowed.
     */
    private static boolean blueInk(BufferedImage image) {
        long pixels = (long) image.getWidth() * image.getHeight();
        int step = (int) Math.max(1, Math.round(Math.sqrt(pixels / 250_000.0)));
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) > 128) {
                    r += (argb >> 16) & 0xff;
                    g += (argb >> 8) & 0xff;
                    b += argb & 0xff;
                    n++;
                }
            }
        }
        return n > 0 && b > r + 20 * n && b > g + 20 * n;
    }

    /** The horizontal pixels per metre of the pHYs chunk, or 0; the chunk must come before the image data. */
    private static double pixelsPerMetre(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            long length = ByteBuffer.wrap(png, at, 4).getInt() & 0xffffffffL;
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if ("IDAT".equals(type) || at + 12 + length > png.length) {
                return 0;
            }
            if ("pHYs".equals(type) && length == 9) {
                long perUnitX = ByteBuffer.wrap(png, at + 8, 4).getInt() & 0xffffffffL;
                int unit = png[at + 16];
                return unit == 1 ? perUnitX : 0;
            }
            at += 12 + (int) length;
        }
        return 0;
    }

    /** Checks the header before decoding, so an image claiming huge dimensions is never decoded. */
    static PngImage read(byte[] png, String what) {
        if (png == null) {
            throw Decree30Layout.invalid(what + " is required for this visible signature.");
        }
        if (png.length < 24 || !Arrays.equals(png, 0, 8, SIGNATURE, 0, 8) || !Arrays.equals(png, 12, 16, IHDR, 0, 4)) {
            throw Decree30Layout.invalid(what + " must be a PNG image with a transparent background.");
        }
        long width = ByteBuffer.wrap(png, 16, 4).getInt() & 0xffffffffL;
        long height = ByteBuffer.wrap(png, 20, 4).getInt() & 0xffffffffL;
        if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE) {
            throw Decree30Layout.invalid(what + " must be between 1 and " + MAX_SIDE + " pixels on each side.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            throw Decree30Layout.invalid(what + " is not a readable PNG image.");
        }
        if (!image.getColorModel().hasAlpha()) {
            throw Decree30Layout.invalid(what + " must have a transparent background (a PNG with an alpha "
                    + "channel), as Decree 30/2020 requires.");
        }
        return new PngImage(image.getWidth(), image.getHeight(), pixelsPerMetre(png), blueInk(image));
    }
}
