package vn.kyso.signing;

/**
 * Where a visible signature goes, in PDF points from the top-left corner of the page.
 *
 * @param page 1-based page number; 0 means the last page
 */
public record Placement(int page, float x, float y, float width, float height) {

    public Placement {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 (last page) or a 1-based page number");
        }
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("x and y must not be negative");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
    }
}
