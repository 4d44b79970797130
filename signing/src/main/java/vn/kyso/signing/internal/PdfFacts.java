package vn.kyso.signing.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the visible-signature layouts need to know about a PDF, read by {@link PdfInspector}.
 *
 * <p>All positions are in PDF points with the origin at the top-left corner of the page <em>as
 * displayed</em> (page rotation applied, relative to the MediaBox): the frame of
 * {@link vn.kyso.signing.Placement} and of DSS's field parameters with automatic rotation.
 *
 * @param pageCount       number of pages, at least one
 * @param pages           one entry per page, in order
 * @param signatureFields signature widgets; signed ones first, in signing order (by where each
 *                        signature's byte range ends), then unsigned ones
 * @param lastPageText    boxes of the runs of text on the last page (PDFBox reports a line, or the
 *                        part of a line up to a wide gap, as one run), used to find where the
 *                        handwritten signature would go; empty when the page has no extractable text
 * @param firstPageText   the same for page one, where the copy mark must not cover printed text
 */
record PdfFacts(int pageCount, List<PageBox> pages, List<SignatureField> signatureFields,
                List<TextBox> lastPageText, List<TextBox> firstPageText) {

    PdfFacts {
        pages = List.copyOf(pages);
        signatureFields = List.copyOf(signatureFields);
        lastPageText = List.copyOf(lastPageText);
        firstPageText = List.copyOf(firstPageText);
        if (pageCount < 1 || pageCount != pages.size()) {
            throw new IllegalArgumentException("pageCount must be positive and match the page list");
        }
    }

    PdfFacts(int pageCount, List<PageBox> pages, List<SignatureField> signatureFields) {
        this(pageCount, pages, signatureFields, List.of(), List.of());
    }

    PdfFacts(int pageCount, List<PageBox> pages, List<SignatureField> signatureFields, List<TextBox> lastPageText) {
        this(pageCount, pages, signatureFields, lastPageText, pageCount == 1 ? lastPageText : List.of());
    }

    /** The page with the given 1-based number. */
    PageBox page(int number) {
        return pages.get(number - 1);
    }

    /** The signature signed last that is visible, which is where a person's signature would be. */
    Optional<SignatureField> lastSignedVisibleField() {
        SignatureField last = null;
        for (SignatureField field : signatureFields) {
            if (field.signed() && !field.rect().isEmpty()) {
                last = field;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * One page.
     *
     * @param width    displayed width in points (MediaBox width, or height when rotated by 90 or 270)
     * @param height   displayed height in points
     * @param rotation the page's /Rotate, normalised to 0, 90, 180 or 270
     */
    record PageBox(float width, float height, int rotation) {
    }

    /**
     * One signature widget.
     *
     * @param page   1-based page number
     * @param signed whether the field holds a signature (/V)
     */
    record SignatureField(String name, int page, float x, float y, float width, float height, boolean signed) {

        SignatureField {
            Objects.requireNonNull(name, "name");
        }

        Rect rect() {
            return new Rect(x, y, width, height);
        }
    }

    /** The box of one run of text: left, top (of the glyphs' height above the baseline), width, height. */
    record TextBox(float x, float y, float width, float height) {

        float bottom() {
            return y + height;
        }

        float right() {
            return x + width;
        }
    }
}
