package vn.kyso.api.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.detector.FinderPattern;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Reads page one of a PDF as a phone would: rendered by pdftoppm, the QR code found and decoded by ZXing,
 * and the words pdftotext places on the page, to show that the code covers none of them. The tools are
 * installed by scripts/deps.sh; a missing one fails the test.
 */
public final class PageOneQrCode {

    private static final int DPI = 150;
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    /** The code's square in points, top-left origin, and the link it carries. */
    public record Found(String link, double xMin, double yMin, double xMax, double yMax) {

        boolean overlaps(Word w) {
            return w.xMin() < xMax && xMin < w.xMax() && w.yMin() < yMax && yMin < w.yMax();
        }
    }

    /** One word of page one's text, in points, top-left origin. */
    public record Word(String text, double xMin, double yMin, double xMax, double yMax) {
    }

    private PageOneQrCode() {
    }

    /** @return the code on page one, or empty when there is none */
    public static Optional<Found> find(byte[] pdf, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("page-one.pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-r", String.valueOf(DPI), "-png", "-f", "1", "-l", "1", "-singlefile", file.toString(),
                dir.resolve("page-one").toString());
        BufferedImage image = ImageIO.read(dir.resolve("page-one.png").toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        Result result;
        try {
            result = new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        // The finder patterns' centres sit 3.5 modules inside the symbol's corners, and the quiet zone
        // is 4 modules more: 7.5 modules on each side of them is the code's white square.
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = 0, maxY = 0;
        double module = 0;
        for (ResultPoint p : result.getResultPoints()) {
            if (p instanceof FinderPattern f) {
                module = Math.max(module, f.getEstimatedModuleSize());
            }
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        assertThat(module).as("module size from the finder patterns").isPositive();
        double pad = 7.5 * module;
        double scale = 72.0 / DPI;
        return Optional.of(new Found(result.getText(), (minX - pad) * scale, (minY - pad) * scale,
                (maxX + pad) * scale, (maxY + pad) * scale));
    }

    /** The words of page one (pdftotext -bbox). */
    public static List<Word> words(Path dir) throws Exception {
        String html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", dir.resolve("page-one.pdf").toString(), "-");
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(html);
        while (m.find()) {
            words.add(new Word(m.group(5), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))));
        }
        return words;
    }

    /** The words of page one under the code (its own caption lies below it, not under it). */
    public static List<Word> covered(Found code, Path dir) throws Exception {
        return words(dir).stream().filter(code::overlaps).toList();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
