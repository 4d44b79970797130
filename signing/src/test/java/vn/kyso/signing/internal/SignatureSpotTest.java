package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.TextBox;

/**
 * Where the person's signature image goes when the caller gives no placement. The text boxes are
 * the ones {@code pdftotext -bbox} reports for drafts LibreOffice converted from DOCX (A4, y from the top).
 */
class SignatureSpotTest {

    private static final PageBox A4 = new PageBox(595.28f, 841.89f, 0);
    private static final float IMAGE_W = 120;
    private static final float IMAGE_H = 60;

    /** The signature block in the right column, as Appendix I lays it out: title, four blank lines, name. */
    @Test
    void inTheRightColumnTheImageSitsBetweenTheTitleAndTheName() {
        List<TextBox> runs = List.of(
                new TextBox(85, 56, 185, 14), // ỦY BAN NHÂN DÂN TỈNH BÌNH AN
                new TextBox(85, 300, 420, 14), // a body line across the page
                new TextBox(85, 340, 140, 14), // Nơi nhận:
                new TextBox(360, 340, 130, 14), // TM. ỦY BAN NHÂN DÂN
                new TextBox(380, 353, 90, 14), // KT. CHỦ TỊCH
                new TextBox(378, 366, 94, 14), // PHÓ CHỦ TỊCH
                new TextBox(85, 366, 120, 14), // - Như trên;
                new TextBox(370, 446, 110, 14)); // Trần Thị Bích Ngọc

        Rect spot = SignatureSpot.find(A4, runs, IMAGE_W, IMAGE_H);

        assertThat(spot.y()).isGreaterThanOrEqualTo(380f);
        assertThat(spot.y() + spot.height()).isLessThanOrEqualTo(446f);
        assertThat(spot.x()).isGreaterThan(A4.width() / 2);
    }

    /**
     * A clerk's plain DOCX types the whole block flush left (measured on LibreOffice's conversion of
     * the letters tests' draft: "PHÓ CHỦ TỊCH" ends at y 147.6, the name starts at 197.3). Before,
     * only the right half was searched, nothing was found there, and the image went below the name.
     */
    @Test
    void aBlockTypedFlushLeftStillGetsTheImageBetweenTheTitleAndTheName() {
        List<TextBox> runs = List.of(
                new TextBox(85.2f, 56.45f, 184.7f, 14.3f), // ỦY BAN NHÂN DÂN TỈNH BÌNH AN
                new TextBox(85.2f, 69.25f, 97.2f, 14.3f), // Số: ....../TTr-UBND
                new TextBox(85.2f, 82.05f, 155.1f, 14.3f), // Nơi nhận: Như trên; Lưu: VT.
                new TextBox(85.2f, 107.65f, 127.9f, 14.3f), // TM. ỦY BAN NHÂN DÂN
                new TextBox(85.2f, 120.45f, 72.1f, 14.3f), // KT. CHỦ TỊCH
                new TextBox(85.2f, 133.25f, 80.4f, 14.3f), // PHÓ CHỦ TỊCH
                new TextBox(85.2f, 197.25f, 102.0f, 14.3f)); // Trần Thị Bích Ngọc

        Rect spot = SignatureSpot.find(A4, runs, IMAGE_W, IMAGE_H);

        assertThat(spot.y()).isGreaterThanOrEqualTo(147.55f);
        assertThat(spot.y() + spot.height()).isLessThanOrEqualTo(197.25f);
        // Shrunk to the gap, keeping its proportions, and centred between the block above (its rows
        // overlap, so "TM. ỦY BAN NHÂN DÂN", the widest, sets its extent) and the name.
        assertThat(spot.width() / spot.height()).isCloseTo(IMAGE_W / IMAGE_H, offset(0.01f));
        float lines = ((85.2f + 127.9f / 2) + (85.2f + 102.0f / 2)) / 2;
        assertThat(spot.x() + spot.width() / 2).isCloseTo(lines, offset(1f));
    }

    /** Across the whole width, the blank rest of a page is no signature space: the image goes under the text. */
    @Test
    void withoutABoundedGapTheImageGoesUnderTheLastText() {
        List<TextBox> runs = List.of(
                new TextBox(85, 56, 185, 14),
                new TextBox(85, 70, 185, 14),
                new TextBox(85, 400, 185, 14));

        Rect spot = SignatureSpot.find(A4, runs, IMAGE_W, IMAGE_H);

        assertThat(spot.y()).isGreaterThanOrEqualTo(414f);
        assertThat(spot.height()).isEqualTo(IMAGE_H);
    }
}
