package vn.kyso.signing.internal;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import vn.kyso.core.VietnamTime;
import vn.kyso.signing.Placement;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.internal.PdfFacts.PageBox;
import vn.kyso.signing.internal.PdfFacts.SignatureField;
import vn.kyso.signing.internal.VisibleSignature.TextBlock;
import vn.kyso.signing.internal.VisibleSignature.TextSide;

/**
 * The visible signature layouts of Decree 30/2020/ND-CP, Appendix I, as DSS image parameters.
 *
 * <p>Immutable and safe to share between threads: the font is read once ({@link SignatureFont}) and
 * each call builds fresh DSS objects.
 *
 * <p>Positions are PDF points from the top-left corner of the page as displayed. Every rule below
 * cites Appendix I; where the decree gives no figure the choice is explained where it is made.
 */
final class Decree30Layout {

    private static final float MM = 72f / 25.4f;

    /** The person's signature box when no placement is given: about 60 × 25 mm. */
    static final float PERSON_WIDTH = 170f;
    static final float PERSON_HEIGHT = 70f;

    /**
     * Seal side when it follows the person's signature: 1.3 × the signature height, kept between
     * 100 and 130 pt (35–46 mm), the size of real round seals; Appendix I asks for real size.
     */
    static final float SEAL_PER_SIGNATURE_HEIGHT = 1.3f;
    static final float SEAL_MIN = 100f;
    static final float SEAL_MAX = 130f;

    /** Top-right layouts sit inside the top margin (Appendix I margins: top 20–25 mm, right 15–20 mm). */
    static final float TOP_OFFSET = 4 * MM;
    static final float RIGHT_OFFSET = 15 * MM;

    /** Appendix I: attachment and copy texts in Times New Roman (metric twin: Liberation Serif), 10 pt. */
    static final float DECREE_FONT_SIZE = 10f;
    /** The organisation's information is not sized by the decree; 8 pt keeps it within the seal's height. */
    static final float SEAL_INFO_FONT_SIZE = 8f;
    static final float TEXT_PADDING = 2f;
    private static final float SEAL_INFO_MAX_WIDTH = 140f;
    private static final float ATTACHMENT_TEXT_MAX_WIDTH = 220f;

    /** ISO 8601 with the +07:00 offset, as Appendix I asks ("múi giờ Việt Nam theo ISO 8601"). */
    static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final SignatureFont font;
    private final TextMetrics metrics;

    /** Reads the font once; fails fast (IllegalStateException) if it is missing or not usable. */
    Decree30Layout(Path fontFile) {
        this.font = SignatureFont.load(fontFile);
        this.metrics = font.metrics();
    }

    /**
     * DSS's PDF factory with the native PDFBox drawer, so that signature texts are real text in the
     * embedded font rather than a picture of text.
     *
     * <p>The organisation's seal overlaps the person's signature by design, so DSS's overlap check,
     * which throws by default, is silenced; the check that the field lies on the page stays. Invisible
     * fields go beside the newest signature ({@link BesideLastSignature}).
     */
    static IPdfObjFactory objectFactory() {
        PdfSignatureFieldPositionChecker positions = new PdfSignatureFieldPositionChecker();
        positions.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
        PdfBoxNativeObjectFactory factory = new BesideLastSignature.Factory();
        factory.setPdfSignatureFieldPositionChecker(positions);
        return factory;
    }

    /** The DSS parameters for this appearance, or null for an invisible signature. */
    SignatureImageParameters create(PdfFacts pdf, AppearanceContent content) {
        VisibleSignature plan = plan(pdf, content);
        return plan == null ? null : DssAppearance.parameters(plan, font);
    }

    /** Where everything goes, in the displayed page's top-left frame; null for an invisible signature. */
    VisibleSignature plan(PdfFacts pdf, AppearanceContent content) {
        VisibleSignature plan = switch (content.appearance()) {
            case NONE -> null;
            case PERSON -> person(pdf, content);
            case ORGANISATION -> organisation(pdf, content);
            case ATTACHMENT -> attachment(pdf, content);
            case COPY -> copy(pdf, content);
        };
        if (plan != null) {
            PageBox page = pdf.page(plan.page());
            if (!plan.field().fitsIn(page.width(), page.height())) {
                throw invalid(String.format(Locale.ROOT,
                        "The visible signature (%.0f × %.0f pt) does not fit on page %d.",
                        plan.field().width(), plan.field().height(), plan.page()));
            }
        }
        return plan;
    }

    // PERSON: the signature image only. The signer's title and name are printed on the document
    // around it, so repeating the name under the image would only crowd the signature block.
    private VisibleSignature person(PdfFacts pdf, AppearanceContent content) {
        PngImage image = PngImage.read(content.imagePng(), "The person's signature image");
        if (!image.blueInk()) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "The person's signature image must be in blue ink, as Decree 30/2020 (Appendix I) requires.",
                    "Hình ảnh chữ ký của người có thẩm quyền phải màu xanh theo Phụ lục I Nghị định 30/2020/NĐ-CP.");
        }
        Target target = content.placement() != null
                ? explicit(pdf, content.placement())
                : new Target(pdf.pageCount(), SignatureSpot.find(pdf.page(pdf.pageCount()), pdf.lastPageText(),
                        PERSON_WIDTH, PERSON_HEIGHT));
        // The field is shrunk to the drawn image so that the organisation signature, which is placed
        // from this field's rectangle, covers a third of the image and not of an empty margin.
        Rect drawn = target.rect().fitCentered(image.aspect());
        return new VisibleSignature(target.page(), drawn, drawn, content.imagePng(), null);
    }

    // ORGANISATION: the seal covers about the left third of the person's signature image, with the
    // organisation's name and the signing time beside it (Appendix I).
    private VisibleSignature organisation(PdfFacts pdf, AppearanceContent content) {
        PngImage image = PngImage.read(content.imagePng(), "The organisation's seal image");
        String organisation = required(content.organisation(), "The organisation name");
        List<String> parts = List.of(organisation, signingTime(content));
        if (content.placement() != null) {
            return sealWithText(explicit(pdf, content.placement()), content.imagePng(), parts, SEAL_INFO_FONT_SIZE);
        }
        SignatureField person = pdf.lastSignedVisibleField().orElseThrow(() -> invalid(
                "The organisation seal goes over the authorised person's visible signature, but the PDF has "
                        + "none yet. Sign as the person first, or give a placement for the seal."));
        PageBox page = pdf.page(person.page());
        float side = sealSide(image, content, person);
        Rect seal = new Rect(person.x() + person.width() / 3 - side, person.y() + person.height() / 2 - side / 2,
                side, side).shiftedInto(page.width(), page.height());
        List<String> lines = wrapAll(parts, SEAL_INFO_MAX_WIDTH, SEAL_INFO_FONT_SIZE);
        float textWidth = textWidth(lines, SEAL_INFO_FONT_SIZE);
        float textHeight = textHeight(lines, SEAL_INFO_FONT_SIZE);
        // Left of the seal keeps the text off the signature and off the printed name under it.
        Rect left = new Rect(seal.x() - textWidth, seal.centerY() - textHeight / 2, textWidth, textHeight);
        if (seal.x() - textWidth >= 0 && textHeight <= side && CopyMark.clearOfText(pdf, person.page(), left)) {
            Rect field = new Rect(seal.x() - textWidth, seal.y(), textWidth + side, side);
            Rect text = left;
            return new VisibleSignature(person.page(), field, seal, content.imagePng(),
                    new TextBlock(lines, SEAL_INFO_FONT_SIZE, text, TextSide.LEFT_OF_IMAGE));
        }
        // No room on the left (a signature near the left edge): under the seal instead.
        float width = Math.max(side, textWidth);
        Rect field = new Rect(seal.centerX() - width / 2, seal.y(), width, side + textHeight)
                .shiftedInto(page.width(), page.height());
        Rect movedSeal = new Rect(field.centerX() - side / 2, field.y(), side, side);
        Rect text = new Rect(field.centerX() - textWidth / 2, field.y() + side, textWidth, textHeight);
        if (!CopyMark.clearOfText(pdf, person.page(), text)) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "Neither left of the seal nor under it is there room for the organisation's name and signing "
                            + "time that would not cover printed text; give a placement for the seal.",
                    "Bên trái và bên dưới con dấu đều không còn chỗ trống cho tên cơ quan và thời gian ký mà không đè "
                            + "lên chữ; hãy chỉ định vị trí cho con dấu.");
        }
        return new VisibleSignature(person.page(), field, movedSeal, content.imagePng(),
                new TextBlock(lines, SEAL_INFO_FONT_SIZE, text, TextSide.BELOW_IMAGE));
    }

    // ATTACHMENT (in a separate file): top right of page one, no image; number and symbol, then the
    // signing time; Times New Roman 10 pt upright black (Appendix I).
    private VisibleSignature attachment(PdfFacts pdf, AppearanceContent content) {
        String number = required(content.numberSymbol(), "The document number and symbol");
        List<String> parts = List.of(number, signingTime(content));
        float size = DECREE_FONT_SIZE;
        if (content.placement() != null) {
            return textAlone(explicit(pdf, content.placement()), parts, size);
        }
        // Like the copy mark: moved down until it covers no printed text (issue #12). A mark too tall for the
        // room above the heading is first widened into the top margin (fewer lines) before it is refused.
        SigningException noRoom = null;
        for (float maxWidth : new float[] {ATTACHMENT_TEXT_MAX_WIDTH, pdf.page(1).width() - 2 * RIGHT_OFFSET}) {
            List<String> lines = wrapAll(parts, maxWidth, size);
            try {
                Rect text = CopyMark.freeTopRight(pdf, textWidth(lines, size), textHeight(lines, size), TOP_OFFSET,
                        RIGHT_OFFSET, "attachment mark", "dấu phụ lục");
                return new VisibleSignature(1, text, null, null, new TextBlock(lines, size, text, TextSide.ALONE));
            } catch (SigningException e) {
                noRoom = e;
            }
        }
        throw noRoom;
    }

    // COPY (bản sao điện tử): text only at the top right of page one: form of copy, copying
    // organisation, signing time; Times New Roman 10 pt black (Appendix I). No seal image: the copying
    // organisation's digital signature is the seal, and a 40 mm picture of one covered the national
    // title, the motto and the date (issue #12). The mark moves down until it covers no printed text.
    private VisibleSignature copy(PdfFacts pdf, AppearanceContent content) {
        String form = CopyMark.form(content.copyForm(), content.copySource());
        String organisation = required(content.organisation(), "The copying organisation name");
        List<String> parts = List.of(form, organisation, signingTime(content));
        float size = DECREE_FONT_SIZE;
        if (content.placement() != null) {
            return textAlone(explicit(pdf, content.placement()), parts, size);
        }
        List<String> lines = wrapAll(parts, ATTACHMENT_TEXT_MAX_WIDTH, size);
        Rect text = CopyMark.freeTopRight(pdf, textWidth(lines, size), textHeight(lines, size), TOP_OFFSET,
                RIGHT_OFFSET);
        return new VisibleSignature(1, text, null, null, new TextBlock(lines, size, text, TextSide.ALONE));
    }

    /** Text only, right-aligned at the top of an explicit placement. */
    private VisibleSignature textAlone(Target target, List<String> parts, float size) {
        Rect box = target.rect();
        List<String> lines = wrapAll(parts, box.width() - 2 * TEXT_PADDING, size);
        requireFits(lines, size, box.width(), box.height());
        Rect text = new Rect(box.right() - textWidth(lines, size), box.y(), textWidth(lines, size),
                textHeight(lines, size));
        return new VisibleSignature(target.page(), text, null, null, new TextBlock(lines, size, text, TextSide.ALONE));
    }

    /**
     * A seal with its text on the left inside an explicit placement: the seal is a square as high as
     * the placement, at its right end; the text takes what is left. The field is then shrunk to the
     * drawn content, since DSS would otherwise centre the seal in whatever width the text leaves.
     */
    private VisibleSignature sealWithText(Target target, byte[] png, List<String> parts, float size) {
        Rect box = target.rect();
        float side = Math.min(box.width(), box.height());
        float room = box.width() - side;
        List<String> lines = wrapAll(parts, room - 2 * TEXT_PADDING, size);
        requireFits(lines, size, room, box.height());
        float textWidth = textWidth(lines, size);
        float textHeight = textHeight(lines, size);
        float height = Math.max(side, textHeight);
        Rect field = new Rect(box.right() - side - textWidth, box.centerY() - height / 2, textWidth + side, height);
        Rect seal = new Rect(field.right() - side, field.centerY() - side / 2, side, side);
        Rect text = new Rect(field.x(), field.centerY() - textHeight / 2, textWidth, textHeight);
        return new VisibleSignature(target.page(), field, seal, png,
                new TextBlock(lines, size, text, TextSide.LEFT_OF_IMAGE));
    }

    private Target explicit(PdfFacts pdf, Placement placement) {
        int page = placement.page() == 0 ? pdf.pageCount() : placement.page();
        if (page > pdf.pageCount()) {
            throw invalid(String.format(Locale.ROOT, "Page %d does not exist: the document has %d page(s).", page,
                    pdf.pageCount()));
        }
        Rect rect = new Rect(placement.x(), placement.y(), placement.width(), placement.height());
        PageBox box = pdf.page(page);
        if (!rect.fitsIn(box.width(), box.height())) {
            throw invalid(String.format(Locale.ROOT,
                    "The placement (x %.1f, y %.1f, %.1f × %.1f pt) goes beyond page %d, which is %.1f × %.1f pt.",
                    rect.x(), rect.y(), rect.width(), rect.height(), page, box.width(), box.height()));
        }
        return new Target(page, rect);
    }

    private List<String> wrapAll(List<String> parts, float maxWidth, float size) {
        if (maxWidth <= 0) {
            throw invalid("The placement leaves no room for the signature text.");
        }
        List<String> lines = new ArrayList<>();
        for (String part : parts) {
            OptionalInt missing = metrics.firstMissingGlyph(part);
            if (missing.isPresent()) {
                throw invalid(String.format(Locale.ROOT, "The signature text contains a character the signature font "
                        + "cannot show (U+%04X).", missing.getAsInt()));
            }
            lines.addAll(metrics.wrap(part, maxWidth, size));
        }
        return lines;
    }

    private void requireFits(List<String> lines, float size, float width, float height) {
        float needWidth = textWidth(lines, size);
        float needHeight = textHeight(lines, size);
        if (needWidth > width + 0.01f || needHeight > height + 0.01f) {
            throw invalid(String.format(Locale.ROOT,
                    "The placement is too small for the signature text: it needs about %.0f × %.0f pt beside the image.",
                    needWidth, needHeight));
        }
    }

    /** Text box width as DSS computes it: widest line plus padding on both sides. */
    private float textWidth(List<String> lines, float size) {
        return metrics.widestLine(lines, size) + 2 * TEXT_PADDING;
    }

    private float textHeight(List<String> lines, float size) {
        return lines.size() * metrics.lineHeight(size) + 2 * TEXT_PADDING;
    }

    private static String signingTime(AppearanceContent content) {
        return SIGNING_TIME.format(content.signingTime().atZone(VietnamTime.ZONE));
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw invalid(what + " is required for this visible signature.");
        }
        return value;
    }

    /**
     * The seal at its real size (Appendix I: "kích thước bằng kích thước thực tế của dấu"): the width
     * configured for the key in millimetres, else the width the PNG's pHYs resolution gives. Only an image
     * that states neither is sized from the person's signature, kept within real seal sizes.
     */
    static float sealSide(PngImage image, AppearanceContent content, SignatureField person) {
        if (content.imageWidthMm() != null) {
            return (float) (content.imageWidthMm() * MM);
        }
        double fromImage = image.widthMm();
        if (!Double.isNaN(fromImage) && fromImage >= 5 && fromImage <= 100) {
            return (float) (fromImage * MM);
        }
        return clamp(person.height() * SEAL_PER_SIGNATURE_HEIGHT, SEAL_MIN, SEAL_MAX);
    }

    private static float clamp(float value, float min, float max) {
        return Math.max(min, Math.min(max, value));
    }

    static SigningException invalid(String message) {
        return new SigningException(SigningError.APPEARANCE_INVALID, message);
    }

    private record Target(int page, Rect rect) {
    }
}
