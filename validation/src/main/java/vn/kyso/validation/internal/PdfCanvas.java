package vn.kyso.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A minimal flowing layout on A4 pages: wrapped paragraphs, coloured banners and a two-column table
 * whose rows never split across pages. Just enough for a report; PDFBox has no layout of its own.
 */
final class PdfCanvas {

    static final float[] BLACK = {0f, 0f, 0f};
    static final float[] GREY = {0.45f, 0.45f, 0.45f};
    static final float[] WHITE = {1f, 1f, 1f};

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 56f;
    private static final float BOTTOM = MARGIN + 28f;
    private static final float LABEL_WIDTH = 165f;
    private static final float PADDING = 4f;
    private static final int MAX_CELL_LINES = 60;

    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(PDDocument document, PDFont regular, PDFont bold) {
        this.document = document;
        this.regular = regular;
        this.bold = bold;
        newPage();
    }

    float width() {
        return A4.getWidth() - 2 * MARGIN;
    }

    void paragraph(String text, boolean strong, float size, float[] colour) {
        PDFont font = strong ? bold : regular;
        float leading = size * 1.3f;
        for (String line : wrap(text, font, size, width())) {
            ensure(leading);
            y -= leading;
            show(line, font, size, colour, MARGIN, y + size * 0.25f);
        }
    }

    /** A full-width coloured box with the text in bold white: the verdict. */
    void banner(String text, float[] background, float size) {
        float leading = size * 1.3f;
        List<String> lines = wrap(text, bold, size, width() - 4 * PADDING);
        float height = lines.size() * leading + 3 * PADDING;
        ensure(height);
        fill(MARGIN, y - height, width(), height, background);
        float baseline = y - 1.5f * PADDING;
        for (String line : lines) {
            baseline -= leading;
            show(line, bold, size, WHITE, MARGIN + 2 * PADDING, baseline + size * 0.3f);
        }
        y -= height;
    }

    /** One row of a label/value table; the value may wrap over several lines. */
    void row(String label, String value, float[] valueColour) {
        row(label, value, valueColour, 10f);
    }

    void row(String label, String value, float[] valueColour, float size) {
        float labelSize = 10f;
        float labelLeading = labelSize * 1.3f;
        float leading = size * 1.3f;
        List<String> labels = cap(wrap(label, bold, labelSize, LABEL_WIDTH - 2 * PADDING));
        List<String> values = cap(wrap(value, regular, size, width() - LABEL_WIDTH - 2 * PADDING));
        float height = Math.max(labels.size() * labelLeading, values.size() * leading) + 2 * PADDING;
        ensure(height);
        float top = y;
        fill(MARGIN, top - height, LABEL_WIDTH, height, new float[] {0.94f, 0.94f, 0.94f});
        rect(MARGIN, top - height, width(), height);
        line(MARGIN + LABEL_WIDTH, top, MARGIN + LABEL_WIDTH, top - height);
        float baseline = top - PADDING;
        for (String l : labels) {
            baseline -= labelLeading;
            show(l, bold, labelSize, BLACK, MARGIN + PADDING, baseline + labelSize * 0.3f);
        }
        baseline = top - PADDING;
        for (String v : values) {
            baseline -= leading;
            show(v, regular, size, valueColour, MARGIN + LABEL_WIDTH + PADDING, baseline + size * 0.3f);
        }
        y -= height;
    }

    void gap(float points) {
        y -= points;
    }

    /** Keeps the next {@code points} together: starts a new page if they do not fit. */
    void ensure(float points) {
        if (y - points < BOTTOM) {
            newPage();
        }
    }

    /** Writes a footer with the page number on every page and closes the last page. */
    void finish(String footer, String pageWord) {
        close();
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream = s;
                float footerY = MARGIN - 10f;
                List<String> lines = wrap(footer, regular, 8f, width() - 60f);
                for (int k = 0; k < Math.min(2, lines.size()); k++) {
                    show(lines.get(k), regular, 8f, GREY, MARGIN, footerY - k * 10f);
                }
                String number = pageWord + " " + (i + 1) + "/" + total;
                show(number, regular, 8f, GREY, A4.getWidth() - MARGIN - textWidth(number, regular, 8f), footerY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                stream = null;
            }
        }
    }

    private void newPage() {
        close();
        PDPage page = new PDPage(A4);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = A4.getHeight() - MARGIN;
    }

    private void close() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }

    private void show(String text, PDFont font, float size, float[] colour, float x, float baseline) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(float x, float yBottom, float w, float h, float[] colour) {
        try {
            stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
            stream.addRect(x, yBottom, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rect(float x, float yBottom, float w, float h) {
        try {
            stream.setStrokingColor(0.6f, 0.6f, 0.6f);
            stream.setLineWidth(0.5f);
            stream.addRect(x, yBottom, w, h);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float y1, float x2, float y2) {
        try {
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cap(List<String> lines) {
        if (lines.size() <= MAX_CELL_LINES) {
            return lines;
        }
        List<String> capped = new ArrayList<>(lines.subList(0, MAX_CELL_LINES - 1));
        capped.add("…");
        return capped;
    }

    /** Greedy word wrap; a word wider than the line (a digest, an identifier) is broken anywhere. */
    static List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (textWidth(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (textWidth(rest, font, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && textWidth(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static float textWidth(String text, PDFont font, float size) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }
}
