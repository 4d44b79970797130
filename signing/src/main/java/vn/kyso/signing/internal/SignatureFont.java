package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The TrueType font of the signature texts, loaded once and checked at start-up.
 *
 * <p>Immutable and shared between threads. DSS's {@link DSSFileFont} is not: it has a settable size
 * and subset flag and caches an AWT font lazily without synchronisation, and the text parameters of
 * one signature hold it. So {@link #dssFont(float)} builds a fresh one per signature over the shared,
 * never-written byte array; that costs an object, not a file read or a parse.
 */
final class SignatureFont {

    private static final long MAX_FONT_BYTES = 32L * 1024 * 1024;
    /** Letters a font must have to write Vietnamese, checked at start-up rather than at the first signature. */
    private static final String VIETNAMESE_SAMPLE = "ĂÂĐÊÔƠƯăâđêôơưẠạẢảẤấẦầẨẩẪẫẬậỦủỨứỪừỮữỰựỹỳỷỵ";

    private final byte[] bytes;
    private final String name;
    private final TextMetrics metrics;

    private SignatureFont(byte[] bytes, String name, TextMetrics metrics) {
        this.bytes = bytes;
        this.name = name;
        this.metrics = metrics;
    }

    /**
     * Fails fast, naming the file for the operator (this runs at start-up, never for a client): the
     * file must exist, be a TrueType font, and have the Vietnamese letters.
     */
    static SignatureFont load(Path file) {
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException("Signature font file not found or not readable: " + file
                    + ". Install Liberation Serif (e.g. the fonts-liberation2 package) or configure its path.");
        }
        byte[] bytes;
        TextMetrics metrics;
        try {
            if (Files.size(file) > MAX_FONT_BYTES) {
                throw new IllegalStateException("Signature font file is too large to be a font: " + file);
            }
            bytes = Files.readAllBytes(file);
            metrics = TextMetrics.of(bytes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Signature font file is not a readable TrueType font: " + file, e);
        }
        OptionalInt missing = metrics.firstMissingGlyph(VIETNAMESE_SAMPLE);
        if (missing.isPresent()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "Signature font %s cannot write Vietnamese: it has no glyph for U+%04X", file, missing.getAsInt()));
        }
        return new SignatureFont(bytes, file.getFileName().toString(), metrics);
    }

    TextMetrics metrics() {
        return metrics;
    }

    /** A new DSS font of this size, embedded as a subset: each signature carries only the glyphs it shows. */
    DSSFileFont dssFont(float size) {
        DSSFileFont font = new DSSFileFont(new InMemoryDocument(bytes, name), size);
        font.setEmbedFontSubset(true);
        return font;
    }
}
