package vn.kyso.signing.internal;

/**
 * A rectangle on a page in PDF points, origin at the top-left corner of the page as displayed, y
 * growing downwards: the frame of {@link vn.kyso.signing.Placement} and of DSS field parameters.
 */
record Rect(float x, float y, float width, float height) {

    Rect {
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(width) || !Float.isFinite(height)) {
            throw new IllegalArgumentException("rectangle coordinates must be finite");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("rectangle size must not be negative");
        }
    }

    float right() {
        return x + width;
    }

    float bottom() {
        return y + height;
    }

    float centerX() {
        return x + width / 2;
    }

    float centerY() {
        return y + height / 2;
    }

    boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Tolerates a hundredth of a point so that sizes computed in floats still count as inside. */
    boolean fitsIn(float pageWidth, float pageHeight) {
        float tolerance = 0.01f;
        return x >= -tolerance && y >= -tolerance
                && right() <= pageWidth + tolerance && bottom() <= pageHeight + tolerance;
    }

    /** The same rectangle moved (not resized) as little as possible so that it lies on the page. */
    Rect shiftedInto(float pageWidth, float pageHeight) {
        float nx = Math.max(0, Math.min(x, pageWidth - width));
        float ny = Math.max(0, Math.min(y, pageHeight - height));
        return new Rect(nx, ny, width, height);
    }

    /** The largest rectangle with the given aspect ratio (width / height) centred inside this one. */
    Rect fitCentered(float aspect) {
        float w = width;
        float h = width / aspect;
        if (h > height) {
            h = height;
            w = height * aspect;
        }
        return new Rect(x + (width - w) / 2, y + (height - h) / 2, w, h);
    }
}
