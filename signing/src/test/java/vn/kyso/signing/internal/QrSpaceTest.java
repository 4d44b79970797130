package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.PdfFacts.TextBox;

/** Where the verification QR code goes without a placement: the lowest free box of page one. */
class QrSpaceTest {

    static final float W = 595f;
    static final float H = 842f;

    static PdfFacts page(List<TextBox> text, List<SignatureField> fields) {
        return new PdfFacts(1, List.of(new PageBox(W, H, 0)), fields, text, text);
    }

    @Test
    void anEmptyBottomKeepsTheTraditionalCorner() {
        assertThat(QrSpace.freeBottom(page(List.of(), List.of()), 110, 93, 36))
                .contains(new Rect(36, H - 36 - 93, 110, 93));
    }

    @Test
    void textInTheCornerMovesTheCodeBesideIt() {
        TextBox footer = new TextBox(36, H - 150, 250, 120);
        Rect box = QrSpace.freeBottom(page(List.of(footer), List.of()), 110, 93, 36).orElseThrow();

        assertThat(box.y()).isEqualTo(H - 36 - 93);
        assertThat(box.x()).isGreaterThanOrEqualTo(footer.right() + CopyMark.CLEARANCE);
        assertThat(box.x()).isLessThan(footer.right() + CopyMark.CLEARANCE + 4 + 1);
    }

    @Test
    void aFullBottomRowSendsItUpAboveTheText() {
        TextBox band = new TextBox(0, H - 200, W, 200);
        Rect box = QrSpace.freeBottom(page(List.of(band), List.of()), 110, 93, 36).orElseThrow();

        assertThat(box.bottom()).isLessThanOrEqualTo(band.y() - CopyMark.CLEARANCE);
        assertThat(box.bottom()).isGreaterThan(band.y() - CopyMark.CLEARANCE - 4 - 1);
        assertThat(box.x()).isEqualTo(36);
    }

    @Test
    void aVisibleSignatureIsAvoidedTooAndAFullLowerHalfHasNoRoom() {
        SignatureField seal = new SignatureField("Seal", 1, 30, H - 140, 300, 110, true);
        Rect box = QrSpace.freeBottom(page(List.of(), List.of(seal)), 110, 93, 36).orElseThrow();
        assertThat(CopyMark.overlaps(box, seal.rect())).isFalse();

        TextBox lowerHalf = new TextBox(0, H / 2 - 10, W, H / 2 + 10);
        assertThat(QrSpace.freeBottom(page(List.of(lowerHalf), List.of()), 110, 93, 36)).isEmpty();
    }
}
