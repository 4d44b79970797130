package vn.kyso.signing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.TextBox;

/**
 * Guesses where the handwritten signature would go on the last page when the caller gives no
 * placement.
 *
 * <p>Decree 30/2020, Appendix I puts the authorised person's signature image between the line with
 * the signer's title ("CHỦ TỊCH") and the line with the name, in the right half of the page; that
 * space is the lowest large vertical gap between text rows in the right half. A draft whose
 * signature block is typed flush left (a clerk's plain DOCX: every paragraph on the left margin) has
 * no such gap on the right, so the same gap is then looked for across the whole width. Failing both,
 * the image goes under the last text on the page, then at a fixed place at the bottom right.
 */
final class SignatureSpot {

    /** Smaller gaps are paragraph spacing; a signature space is usually 20–30 mm. */
    static final float MIN_GAP = 48f;
    /** A larger gap is not a signature space but the rest of the page: sign just under the text. */
    private static final float MAX_GAP = 120f;
    private static final float GAP_PADDING = 3f;
    private static final float BELOW_TEXT = 12f;
    private static final float MARGIN = 72f;
    /** Fallback y from the bottom, leaving room under the image for the printed name and the seal. */
    private static final float FALLBACK_FROM_BOTTOM = 72f + 200f;

    private SignatureSpot() {
    }

    /** A rectangle of at most {@code width × height} on the page for the person's signature image. */
    static Rect find(PageBox page, List<TextBox> runs, float width, float height) {
        Rect inGap = inLowestGap(rows(runs, page.width() / 2), width, height, Float.MAX_VALUE);
        if (inGap == null) {
            // Across the whole width a very large gap is more likely the page's blank rest than a
            // signature space: only a bounded gap counts there.
            inGap = inLowestGap(rows(runs, 0), width, height, MAX_GAP);
        }
        if (inGap != null) {
            return inGap.shiftedInto(page.width(), page.height());
        }
        float lowestText = 0;
        for (TextBox run : runs) {
            lowestText = Math.max(lowestText, run.bottom());
        }
        float x = page.width() - MARGIN - width;
        if (!runs.isEmpty() && lowestText + BELOW_TEXT + height <= page.height() - MARGIN / 2) {
            return new Rect(x, lowestText + BELOW_TEXT, width, height).shiftedInto(page.width(), page.height());
        }
        return new Rect(x, page.height() - FALLBACK_FROM_BOTTOM, width, height)
                .shiftedInto(page.width(), page.height());
    }

    private static Rect inLowestGap(List<Row> rows, float width, float height, float largest) {
        Rect best = null;
        for (int i = 0; i + 1 < rows.size(); i++) {
            Row above = rows.get(i);
            Row below = rows.get(i + 1);
            float gap = below.top - above.bottom;
            if (gap < MIN_GAP || gap > largest) {
                continue;
            }
            float h = Math.min(height, gap - 2 * GAP_PADDING);
            float w = width * h / height;
            // Centred on the title and name lines, as the signature is on paper.
            float centre = (above.centre() + below.centre()) / 2;
            float top = gap <= MAX_GAP ? above.bottom + (gap - h) / 2 : above.bottom + BELOW_TEXT;
            best = new Rect(centre - w / 2, top, w, h);
        }
        return best;
    }

    /**
     * Text that reaches right of {@code from}, merged into rows by vertical overlap. Each row keeps
     * only its extent right of {@code from}: with the page's middle, a body line or a "Nơi nhận" line
     * that PDFBox joined with the signer's title does not pull the centre to the left.
     */
    private static List<Row> rows(List<TextBox> runs, float from) {
        List<TextBox> right = new ArrayList<>();
        for (TextBox run : runs) {
            if (run.right() > from) {
                float left = Math.max(run.x(), from);
                right.add(new TextBox(left, run.y(), run.right() - left, run.height()));
            }
        }
        right.sort(Comparator.comparingDouble(TextBox::y));
        List<Row> rows = new ArrayList<>();
        Row row = null;
        for (TextBox run : right) {
            if (row != null && run.y() < row.bottom) {
                row.add(run);
            } else {
                row = new Row(run);
                rows.add(row);
            }
        }
        return rows;
    }

    private static final class Row {
        float top;
        float bottom;
        float left;
        float right;

        Row(TextBox run) {
            top = run.y();
            bottom = run.bottom();
            left = run.x();
            right = run.right();
        }

        void add(TextBox run) {
            top = Math.min(top, run.y());
            bottom = Math.max(bottom, run.bottom());
            left = Math.min(left, run.x());
            right = Math.max(right, run.right());
        }

        float centre() {
            return (left + right) / 2;
        }
    }
}
