package vn.kyso.signing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Advance widths and line height of one TrueType font, read once into plain arrays.
 *
 * <p>Fontbox's {@code TrueTypeFont} reads its tables lazily from a shared buffer and is not safe to
 * share between threads; copying the few numbers we need makes this class immutable. The numbers
 * match what PDFBox writes into the embedded font's /W array and /FontBBox (advance × 1000 / unitsPerEm,
 * rounded), which is what DSS's native drawer uses to size and align the text, so the boxes computed
 * here line up with the text DSS draws.
 */
final class TextMetrics {

    private static final int BMP = 0x10000;
    private static final short MISSING = -1;

    /** Advance width per BMP code point in 1/1000 em; {@link #MISSING} where the font has no glyph. */
    private final short[] advances;
    /** Height of a line as DSS computes it: the font's bounding-box height, in em. */
    private final float lineHeightEm;

    private TextMetrics(short[] advances, float lineHeightEm) {
        this.advances = advances;
        this.lineHeightEm = lineHeightEm;
    }

    static TextMetrics of(byte[] trueTypeFont) throws IOException {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(trueTypeFont))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            HorizontalMetricsTable hmtx = font.getHorizontalMetrics();
            if (cmap == null || hmtx == null) {
                throw new IOException("the font has no Unicode cmap or no horizontal metrics");
            }
            float scale = 1000f / font.getUnitsPerEm();
            short[] advances = new short[BMP];
            Arrays.fill(advances, MISSING);
            for (int cp = 0; cp < BMP; cp++) {
                if (Character.isSurrogate((char) cp)) {
                    continue;
                }
                int gid = cmap.getGlyphId(cp);
                if (gid > 0) {
                    advances[cp] = (short) Math.min(Short.MAX_VALUE, Math.round(hmtx.getAdvanceWidth(gid) * scale));
                }
            }
            float bboxHeight = font.getHeader().getYMax() - font.getHeader().getYMin();
            return new TextMetrics(advances, bboxHeight / font.getUnitsPerEm());
        }
    }

    /** The first code point the font cannot show, if any; line breaks are allowed. */
    OptionalInt firstMissingGlyph(String text) {
        return text.codePoints()
                .filter(cp -> cp != '\n' && (cp >= BMP || advances[cp] == MISSING))
                .findFirst();
    }

    float width(String line, float fontSize) {
        long thousandths = 0;
        for (int i = 0; i < line.length(); i++) {
            short advance = advances[line.charAt(i)];
            thousandths += Math.max(advance, 0);
        }
        return thousandths / 1000f * fontSize;
    }

    float lineHeight(float fontSize) {
        return lineHeightEm * fontSize;
    }

    float widestLine(List<String> lines, float fontSize) {
        float widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, width(line, fontSize));
        }
        return widest;
    }

    /**
     * Greedy word wrap to {@code maxWidth}; a word longer than a line is cut between characters, so
     * every returned line fits (a document number such as {@code 1234/QĐ-UBND-VP...} has no spaces).
     */
    List<String> wrap(String text, float maxWidth, float fontSize) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, fontSize) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, fontSize) > maxWidth && rest.length() > 1) {
                int cut = longestPrefixThatFits(rest, maxWidth, fontSize);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return List.copyOf(lines);
    }

    private int longestPrefixThatFits(String word, float maxWidth, float fontSize) {
        int cut = 1;
        while (cut < word.length() && width(word.substring(0, cut + 1), fontSize) <= maxWidth) {
            cut++;
        }
        return cut;
    }
}
