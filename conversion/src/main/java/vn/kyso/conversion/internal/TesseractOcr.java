package vn.kyso.conversion.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Runs the tesseract command line on one page image and reads its word boxes (TSV output). A separate process
 * rather than a JNI binding: a crash or a runaway page costs one killed process, not the service.
 */
final class TesseractOcr {

    /** One recognised word and its box, in pixels from the image's top left corner. */
    record Word(String text, int left, int top, int width, int height, String line) {
    }

    /** The recognised text, one output line per line Tesseract found. */
    static String text(List<Word> words) {
        StringBuilder out = new StringBuilder();
        String line = null;
        for (Word w : words) {
            if (line != null) {
                out.append(w.line().equals(line) ? ' ' : '\n');
            }
            out.append(w.text());
            line = w.line();
        }
        return out.toString();
    }

    private final Path binary;
    private final String languages;
    private final Duration timeout;

    TesseractOcr(Path binary, String languages, Duration timeout) {
        this.binary = binary;
        this.languages = languages;
        this.timeout = timeout;
    }

    List<Word> words(BufferedImage image, int dpi) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kyso-ocr-");
            Path input = dir.resolve("page.png");
            ImageIO.write(image, "png", input.toFile());
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), input.toString(),
                    dir.resolve("out").toString(), "-l", languages, "--dpi", Integer.toString(dpi), "tsv")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log.txt").toFile());
            // One thread per page: the pool and the other requests share the cores.
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw Failures.timeout("Text recognition took longer than allowed", null);
            }
            if (process.exitValue() != 0) {
                throw Failures.failed("Text recognition failed on this image", null);
            }
            return parse(Files.readAllLines(dir.resolve("out.tsv"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Failures.failed("Text recognition failed on this image", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.timeout("Text recognition was interrupted", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Level-5 rows are words: level page block par line word left top width height conf text. */
    static List<Word> parse(List<String> lines) {
        List<Word> words = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 12 || !"5".equals(f[0])) {
                continue;
            }
            String text = Normalizer.normalize(f[11].strip(), Normalizer.Form.NFC);
            try {
                if (!text.isEmpty() && Double.parseDouble(f[10]) >= 0) {
                    words.add(new Word(text, Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]),
                            Integer.parseInt(f[9]), f[1] + "." + f[2] + "." + f[3] + "." + f[4]));
                }
            } catch (NumberFormatException e) {
                // a malformed row is skipped; the rest of the page still counts
            }
        }
        return words;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // the temp dir is cleaned by the OS eventually
        }
    }
}
