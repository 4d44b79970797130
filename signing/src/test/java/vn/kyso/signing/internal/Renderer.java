package vn.kyso.signing.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders page one with poppler's pdftoppm at 72 dpi, so one pixel is one PDF point and rectangles
 * from the layout can be checked on the picture directly. Poppler is a second, independent PDF
 * implementation: what it draws is what a reader on another system would see.
 */
final class Renderer {

    static final Path PDFTOPPM = Path.of("/usr/bin/pdftoppm");
    static final Path PDFSIG = Path.of("/usr/bin/pdfsig");
    /** Kept after the build for a human to look at. */
    static final Path ARTIFACTS = Path.of("target", "test-artifacts");

    private Renderer() {
    }

    /** Writes {@code name}.pdf and {@code name}.png under target/test-artifacts and returns the picture. */
    static BufferedImage firstPage(byte[] pdf, String name) throws IOException, InterruptedException {
        Files.createDirectories(ARTIFACTS);
        Path input = ARTIFACTS.resolve(name + ".pdf");
        Files.write(input, pdf);
        Path prefix = ARTIFACTS.resolve(name);
        run(PDFTOPPM.toString(), "-r", "72", "-png", "-f", "1", "-l", "1", "-singlefile",
                input.toString(), prefix.toString());
        return ImageIO.read(ARTIFACTS.resolve(name + ".png").toFile());
    }

    /** As {@link #firstPage} for page {@code number}. */
    static BufferedImage page(byte[] pdf, String name, int number) throws IOException, InterruptedException {
        Files.createDirectories(ARTIFACTS);
        Path input = ARTIFACTS.resolve(name + ".pdf");
        Files.write(input, pdf);
        Path prefix = ARTIFACTS.resolve(name);
        run(PDFTOPPM.toString(), "-r", "72", "-png", "-f", String.valueOf(number), "-l", String.valueOf(number),
                "-singlefile", input.toString(), prefix.toString());
        return ImageIO.read(ARTIFACTS.resolve(name + ".png").toFile());
    }

    /** The output of pdfsig on the PDF, written under target/test-artifacts first. */
    static String pdfsig(byte[] pdf, String name) throws IOException, InterruptedException {
        Files.createDirectories(ARTIFACTS);
        Path input = ARTIFACTS.resolve(name + ".pdf");
        Files.write(input, pdf);
        return run(PDFSIG.toString(), input.toString());
    }

    /** Pixels in {@code area} (clipped to the image) for which {@code test} holds. */
    static int count(BufferedImage image, Rect area, PixelTest test) {
        int x0 = Math.max(0, Math.round(area.x()));
        int y0 = Math.max(0, Math.round(area.y()));
        int x1 = Math.min(image.getWidth(), Math.round(area.right()));
        int y1 = Math.min(image.getHeight(), Math.round(area.bottom()));
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                if (test.matches((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean red(int r, int g, int b) {
        return r > 150 && g < 100 && b < 100;
    }

    static boolean blue(int r, int g, int b) {
        return b > 130 && r < 100 && g < 120;
    }

    static boolean dark(int r, int g, int b) {
        return r < 90 && g < 90 && b < 90;
    }

    @FunctionalInterface
    interface PixelTest {
        boolean matches(int r, int g, int b);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command[0] + " timed out");
        }
        String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        // pdfsig exits non-zero when a certificate is untrusted; the caller reads the output.
        if (process.exitValue() != 0 && !command[0].equals(PDFSIG.toString())) {
            throw new IOException(command[0] + " failed: " + text);
        }
        return text;
    }
}
