package vn.kyso.conversion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the external tools are and how far one conversion may go.
 *
 * @param officeHome the LibreOffice installation; null means look in the usual places
 * @param poolSize LibreOffice processes kept running, each converting one document at a time
 * @param taskTimeout the longest one conversion (or OCR of one page) may take before its process is killed
 * @param maxSize the largest input accepted, in bytes
 * @param maxExpandedSize the most a zip-based document (DOCX, XLSX, ODT) may expand to, in bytes
 * @param maxTextLength characters of extracted text kept; the rest is dropped and flagged
 * @param ocrLanguages Tesseract language codes joined by {@code +}
 * @param tesseract the tesseract binary; null means look on the PATH
 * @param fontDirectory where LiberationSerif-Regular.ttf is, for the invisible OCR text layer
 * @param maxPages the most pages a PDF given to (or made by) a conversion may have; more is refused
 *     before any worker spends its time on it, as validation refuses PDFs of more than 5,000 pages
 */
public record ConversionSettings(Path officeHome, int poolSize, Duration taskTimeout, long maxSize,
        long maxExpandedSize, int maxTextLength, String ocrLanguages, Path tesseract, Path fontDirectory,
        int maxPages) {

    public static final Path DEFAULT_FONTS = Path.of("/usr/share/fonts/truetype/liberation2");
    /** Validation's limit too: far above any official document, far below what holds a worker for minutes. */
    public static final int DEFAULT_MAX_PAGES = 5_000;

    /** The settings with the default page limit. */
    public ConversionSettings(Path officeHome, int poolSize, Duration taskTimeout, long maxSize,
            long maxExpandedSize, int maxTextLength, String ocrLanguages, Path tesseract, Path fontDirectory) {
        this(officeHome, poolSize, taskTimeout, maxSize, maxExpandedSize, maxTextLength, ocrLanguages, tesseract,
                fontDirectory, DEFAULT_MAX_PAGES);
    }

    public ConversionSettings {
        Objects.requireNonNull(taskTimeout, "taskTimeout");
        Objects.requireNonNull(ocrLanguages, "ocrLanguages");
        Objects.requireNonNull(fontDirectory, "fontDirectory");
        if (poolSize < 1 || poolSize > 16) {
            throw new IllegalArgumentException("poolSize must be between 1 and 16");
        }
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("taskTimeout must be positive");
        }
        if (maxSize < 1 || maxExpandedSize < maxSize || maxTextLength < 1) {
            throw new IllegalArgumentException("limits must be positive, and maxExpandedSize at least maxSize");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be positive");
        }
        if (!ocrLanguages.matches("[a-z_]{3,}(\\+[a-z_]{3,})*")) {
            throw new IllegalArgumentException("ocrLanguages must look like vie+eng");
        }
    }

    /** Two processes, two minutes a task, 50 MB in, 500 MB expanded, 5 million characters of text. */
    public static ConversionSettings defaults() {
        return new ConversionSettings(null, 2, Duration.ofMinutes(2), 50L << 20, 500L << 20, 5_000_000, "vie+eng",
                null, DEFAULT_FONTS);
    }

    public ConversionSettings withOfficeHome(Path home) {
        return new ConversionSettings(home, poolSize, taskTimeout, maxSize, maxExpandedSize, maxTextLength,
                ocrLanguages, tesseract, fontDirectory, maxPages);
    }

    public ConversionSettings withTaskTimeout(Duration timeout) {
        return new ConversionSettings(officeHome, poolSize, timeout, maxSize, maxExpandedSize, maxTextLength,
                ocrLanguages, tesseract, fontDirectory, maxPages);
    }

    public ConversionSettings withMaxSize(long size) {
        return new ConversionSettings(officeHome, poolSize, taskTimeout, size, Math.max(size, maxExpandedSize),
                maxTextLength, ocrLanguages, tesseract, fontDirectory, maxPages);
    }

    public ConversionSettings withMaxPages(int pages) {
        return new ConversionSettings(officeHome, poolSize, taskTimeout, maxSize, maxExpandedSize, maxTextLength,
                ocrLanguages, tesseract, fontDirectory, pages);
    }

    /** The configured home, else the first of the Debian and upstream install locations that exists. */
    public Optional<Path> resolvedOfficeHome() {
        if (officeHome != null) {
            return Files.isExecutable(officeHome.resolve("program/soffice")) ? Optional.of(officeHome) : Optional.empty();
        }
        for (String candidate : new String[] {"/usr/lib/libreoffice", "/opt/libreoffice", "/usr/lib64/libreoffice"}) {
            Path home = Path.of(candidate);
            if (Files.isExecutable(home.resolve("program/soffice"))) {
                return Optional.of(home);
            }
        }
        return Optional.empty();
    }

    /** The configured tesseract, else the one on the PATH; empty when OCR is not possible. */
    public Optional<Path> resolvedTesseract() {
        if (tesseract != null) {
            return Files.isExecutable(tesseract) ? Optional.of(tesseract) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "tesseract");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
