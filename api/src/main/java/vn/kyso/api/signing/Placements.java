package vn.kyso.api.signing;

import java.util.stream.Stream;
import vn.kyso.api.error.ApiException;
import vn.kyso.signing.Placement;

/** A visible signature's place from the form fields page, x, y, width and height, as every form sends them. */
public final class Placements {

    private Placements() {
    }

    /**
     * @return null when none of x, y, width and height is given (the layout's own place)
     * @throws ApiException when only some of them are given, one is not finite, or page comes without them
     */
    public static Placement fromFields(Integer page, Float x, Float y, Float width, Float height) {
        long given = Stream.of(x, y, width, height).filter(v -> v != null).count();
        if (given == 0) {
            if (page != null) {
                throw ApiException.invalid("page needs x, y, width and height");
            }
            return null;
        }
        if (given < 4) {
            throw ApiException.invalid("x, y, width and height go together: give all four or none");
        }
        if (!(Float.isFinite(x) && Float.isFinite(y) && Float.isFinite(width) && Float.isFinite(height))) {
            throw ApiException.invalid("x, y, width and height must be finite numbers");
        }
        return new Placement(page == null ? 0 : page, x, y, width, height);
    }
}
