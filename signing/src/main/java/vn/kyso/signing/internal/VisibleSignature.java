package vn.kyso.signing.internal;

import java.util.List;
import java.util.Objects;

/**
 * Where a visible signature goes and what it shows, before it is handed to DSS. Kept separate from
 * the DSS parameters so the Decree 30 geometry can be checked without signing anything.
 *
 * @param page      1-based page number
 * @param field     the signature widget; always exactly the union of {@code imageArea} and the text
 *                  area, so that the widget rectangle a later signature finds is the drawn content
 * @param imageArea where the image is drawn, or null for a text-only signature
 * @param png       the image, or null
 * @param text      the text block, or null for an image-only signature
 */
record VisibleSignature(int page, Rect field, Rect imageArea, byte[] png, TextBlock text) {

    VisibleSignature {
        Objects.requireNonNull(field, "field");
        if ((imageArea == null) != (png == null)) {
            throw new IllegalArgumentException("an image needs both its bytes and its area");
        }
        if (png == null && text == null) {
            throw new IllegalArgumentException("a visible signature shows an image, a text or both");
        }
    }

    /** Where the text goes relative to the image; decides the DSS text position and alignment. */
    enum TextSide {
        /** Left of the image, vertically centred on it, lines right-aligned against it. */
        LEFT_OF_IMAGE,
        /** Under the image, lines centred. */
        BELOW_IMAGE,
        /** No image: the lines are right-aligned, as they sit in a top-right corner. */
        ALONE
    }

    /**
     * Lines of text already wrapped to fit {@code area}.
     *
     * @param area the text box including DSS's padding
     */
    record TextBlock(List<String> lines, float fontSize, Rect area, TextSide side) {

        TextBlock {
            lines = List.copyOf(lines);
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(side, "side");
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a text block has at least one line");
            }
        }
    }
}
