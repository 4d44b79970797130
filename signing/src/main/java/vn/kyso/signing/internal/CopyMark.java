package vn.kyso.signing.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.PdfFacts.TextBox;

/**
 * The rules of the electronic copy mark (Decree 30/2020/ND-CP, Appendix I; issue #12): which forms of
 * copy exist, which one an electronic source allows, and where on page one the text-only mark fits
 * without covering anything printed.
 */
final class CopyMark {

    /** The three forms of copy, written as Decree 30's copy form writes them. */
    static final List<String> FORMS = List.of("SAO Y", "SAO LỤC", "TRÍCH SAO");
    static final String EXTRACT = "TRÍCH SAO";

    /** Space kept between the mark and printed text, so the two never touch when rendered. */
    static final float CLEARANCE = 2f;
    /** Step of the downward search; one point is finer than any line spacing. */
    private static final float STEP = 1f;

    private CopyMark() {
    }

    /**
     * The form of copy as the mark writes it. Letter case is not significant (an API client may send
     * "Sao y"), but nothing else is accepted: "Bản sao" or "SAO Y BẢN CHÍNH" are not forms the decree
     * knows, and a copy that names a wrong form is not a valid copy.
     */
    static String form(String requested, CopySource source) {
        if (source == null) {
            throw new SigningException(SigningError.COPY_SOURCE_MISSING,
                    "Say what the copy is made from: copySource PAPER (a paper original) or ELECTRONIC.",
                    "Bản sao điện tử cần cho biết bản được sao là bản giấy (PAPER) hay văn bản điện tử (ELECTRONIC).");
        }
        String normal = requested == null ? ""
                : Normalizer.normalize(requested, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                        .toUpperCase(Locale.forLanguageTag("vi"));
        if (!FORMS.contains(normal)) {
            String shown = requested == null ? "(none)" : requested;
            String shownVi = requested == null ? "(không có)" : requested;
            throw new SigningException(SigningError.COPY_FORM_INVALID,
                    "The form of copy must be exactly SAO Y, SAO LỤC or TRÍCH SAO; received " + shown + ".",
                    "Hình thức sao phải là SAO Y, SAO LỤC hoặc TRÍCH SAO; đã nhận: " + shownVi + ".");
        }
        if (source == CopySource.ELECTRONIC && !EXTRACT.equals(normal)) {
            throw new SigningException(SigningError.COPY_FORM_NOT_FOR_ELECTRONIC_SOURCE,
                    "A copy from an electronic document to an electronic document can only be TRÍCH SAO, not "
                            + normal + ".",
                    "Sao từ văn bản điện tử sang văn bản điện tử chỉ được thực hiện bằng hình thức TRÍCH SAO, không "
                            + "được " + normal + ".");
        }
        return normal;
    }

    /**
     * The highest box of the given size against the right margin of page one that touches no printed
     * text and no visible signature, searched from {@code top} down to a third of the page (below that
     * a mark would no longer read as a heading mark).
     *
     * @throws SigningException APPEARANCE_INVALID when the top of the page has no such room
     */
    static Rect freeTopRight(PdfFacts pdf, float width, float height, float top, float rightMargin) {
        return freeTopRight(pdf, width, height, top, rightMargin, "copy mark", "dấu bản sao");
    }

    /** As above for any top-right mark (the attachment's too), named in the refusal. */
    static Rect freeTopRight(PdfFacts pdf, float width, float height, float top, float rightMargin, String mark,
            String markVi) {
        PageBox page = pdf.page(1);
        List<Rect> taken = obstacles(pdf);
        float x = page.width() - rightMargin - width;
        if (x < 0) {
            throw noRoom(mark, markVi);
        }
        for (float y = top; y + height <= page.height() / 3; y += STEP) {
            Rect candidate = new Rect(x, y, width, height);
            if (taken.stream().noneMatch(t -> overlaps(candidate, t))) {
                return candidate;
            }
        }
        throw noRoom(mark, markVi);
    }

    /** Whether {@code box} keeps {@link #CLEARANCE} from every text run the PDF has for its page. */
    static boolean clearOfText(PdfFacts pdf, int page, Rect box) {
        List<TextBox> runs = page == pdf.pageCount() ? pdf.lastPageText() : page == 1 ? pdf.firstPageText() : List.of();
        return runs.stream().noneMatch(run -> overlaps(box, new Rect(run.x(), run.y(), run.width(), run.height())));
    }

    /** Printed text and visible signatures on page one; also what the verification QR code avoids. */
    static List<Rect> obstacles(PdfFacts pdf) {
        List<Rect> taken = new ArrayList<>();
        for (TextBox run : pdf.firstPageText()) {
            taken.add(new Rect(run.x(), run.y(), run.width(), run.height()));
        }
        for (SignatureField field : pdf.signatureFields()) {
            if (field.page() == 1 && !field.rect().isEmpty()) {
                taken.add(field.rect());
            }
        }
        return taken;
    }

    static boolean overlaps(Rect a, Rect b) {
        return a.x() < b.right() + CLEARANCE && b.x() < a.right() + CLEARANCE
                && a.y() < b.bottom() + CLEARANCE && b.y() < a.bottom() + CLEARANCE;
    }

    private static SigningException noRoom(String mark, String markVi) {
        return new SigningException(SigningError.APPEARANCE_INVALID,
                "The top right of page one has no free space for the " + mark + " that would not cover printed text; "
                        + "give a placement for it.",
                "Góc trên bên phải trang đầu không còn chỗ trống cho " + markVi + " mà không đè lên chữ; hãy chỉ định "
                        + "vị trí.");
    }
}
