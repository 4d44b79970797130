package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.pdf.visible.ImageUtils;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast pixel test agrees with DSS's ImageUtils.imagesEqual, which it replaces. */
class FastVisualDifferencesFinderTest {

    @Test
    void agreesWithDssOnEqualAndDifferentImages() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            int w = 20 + random.nextInt(80);
            int h = 20 + random.nextInt(80);
            BufferedImage a = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    a.setRGB(x, y, random.nextInt());
                }
            }
            BufferedImage b = copy(a);
            assertThat(FastVisualDifferencesFinder.sameRgb(a, b)).isEqualTo(ImageUtils.imagesEqual(a, b)).isTrue();

            // Alpha alone differs: equal for DSS, equal for us.
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int otherAlpha = (a.getRGB(x, y) >>> 24) ^ (1 + random.nextInt(255));
            b.setRGB(x, y, (a.getRGB(x, y) & 0x00FFFFFF) | (otherAlpha << 24));
            assertThat(FastVisualDifferencesFinder.sameRgb(a, b)).isEqualTo(ImageUtils.imagesEqual(a, b));

            // One colour channel of one pixel differs by one: different for both.
            BufferedImage c = copy(a);
            c.setRGB(x, y, a.getRGB(x, y) ^ 0x000001);
            assertThat(FastVisualDifferencesFinder.sameRgb(a, c)).isEqualTo(ImageUtils.imagesEqual(a, c)).isFalse();
        }
        // TYPE_INT_RGB, as PDFBox renders pages: the array comparison path.
        BufferedImage rgb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                rgb.setRGB(x, y, random.nextInt());
            }
        }
        BufferedImage rgbCopy = copy(rgb);
        assertThat(FastVisualDifferencesFinder.sameRgb(rgb, rgbCopy)).isEqualTo(ImageUtils.imagesEqual(rgb, rgbCopy))
                .isTrue();
        rgbCopy.setRGB(7, 9, rgb.getRGB(7, 9) ^ 0x010000);
        assertThat(FastVisualDifferencesFinder.sameRgb(rgb, rgbCopy)).isEqualTo(ImageUtils.imagesEqual(rgb, rgbCopy))
                .isFalse();
        BufferedImage small = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage wide = new BufferedImage(11, 10, BufferedImage.TYPE_INT_RGB);
        assertThat(FastVisualDifferencesFinder.sameRgb(small, wide)).isEqualTo(ImageUtils.imagesEqual(small, wide))
                .isFalse();
        assertThat(FastVisualDifferencesFinder.sameRgb(small, small)).isTrue();
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), src.getType());
        out.setData(src.getData());
        return out;
    }
}
