package vn.kyso.signing.internal;

import java.util.List;
import java.util.Optional;
import vn.kyso.signing.internal.PdfFacts.PageBox;

/**
 * Where the verification QR code goes when no placement is given: the lowest free box of page one,
 * tried from the bottom-left corner (the code's traditional spot) rightwards, then row by row upwards to
 * the middle of the page. Free means it touches no printed text and no visible signature, the same
 * obstacles the copy mark avoids ({@link CopyMark#obstacles}).
 */
final class QrSpace {

    /** Coarser than the copy mark's 1 pt: the box is large and the search covers half a page. */
    private static final float STEP = 4f;

    private QrSpace() {
    }

    /**
     * @param width  the code with its caption
     * @param height the code with its caption
     * @param margin the distance kept from the page's edges
     * @return the box, top-left origin in points, or empty when the lower half of page one has no room
     */
    static Optional<Rect> freeBottom(PdfFacts pdf, float width, float height, float margin) {
        PageBox page = pdf.page(1);
        List<Rect> taken = CopyMark.obstacles(pdf);
        for (float y = page.height() - margin - height; y >= page.height() / 2; y -= STEP) {
            for (float x = margin; x + width <= page.width() - margin; x += STEP) {
                Rect candidate = new Rect(x, y, width, height);
                if (taken.stream().noneMatch(t -> CopyMark.overlaps(candidate, t))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
