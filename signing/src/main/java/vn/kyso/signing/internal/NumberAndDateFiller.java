package vn.kyso.signing.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.kyso.signing.Document;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.FilledIn;
import vn.kyso.signing.FilledIn.Filled;
import vn.kyso.signing.FilledIn.How;
import vn.kyso.signing.FilledIn.What;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Writes the number and symbol and the date of issue into a letter (issue #12, "Issuing a letter").
 *
 * <p>Two steps, because the authorised person signs between them. At draft time ({@link #prepare}) an
 * empty read-only text field is put over each dotted placeholder of page one. At issue time
 * ({@link #fill}) the fields get their values and an appearance that covers the dots with white and
 * shows the value in Liberation Serif (Times New Roman's metric twin) at the placeholder's size, saved
 * as an incremental update. Filling in fields is what an approval signature permits (ISO 32000-1,
 * 12.8.2.2), and text in a widget's appearance is real text that pdftotext and readers extract.
 */
final class NumberAndDateFiller {

    /** Field names a draft may use for the values, and the ones {@link #prepare} gives; compared without case. */
    static final Set<String> NUMBER_FIELDS = Set.of("numbersymbol", "sokyhieu", "so_ky_hieu", "kysonumbersymbol");
    static final Set<String> DATE_FIELDS = Set.of("documentdate", "ngaybanhanh", "ngay_ban_hanh", "kysodocumentdate");
    static final String NUMBER_FIELD_NAME = "kysoNumberSymbol";
    static final String DATE_FIELD_NAME = "kysoDocumentDate";

    private static final String DOTS = "[.…_]{2,}";
    /** "Số: ....../TTr-UBND": the dots and any printed symbol after them are replaced by the number and symbol. */
    static final Pattern NUMBER = Pattern.compile("Số\\s*:\\s*(" + DOTS + "\\S*)");
    /** "ngày ... tháng ... năm ...", the year printed or dotted. */
    static final Pattern DATE = Pattern.compile("(ngày\\s*" + DOTS + "\\s*tháng\\s*" + DOTS + "\\s*năm\\s*(?:"
            + DOTS + "|\\d{4}|\\d{2}" + DOTS + "))");
    private static final float DEFAULT_SIZE = 13f;
    /** Below the baseline, as a share of the font size: room for descenders inside the widget. */
    private static final float DESCENT = 0.3f;
    private static final float MIN_FIELD_WIDTH = 180f;
    /** Our own entry on a field we made: the placeholder's font size (/Size) and dotted width (/W). */
    private static final COSName PLACEHOLDER_KEY = COSName.getPDFName("KysoPlaceholder");
    private static final int PRINT_FLAG = 4;
    private static final int READ_ONLY = 1;

    private final Path fontFile;

    NumberAndDateFiller(Path fontFile) {
        this.fontFile = fontFile;
    }

    /**
     * Before anyone signs: an empty read-only text field over each placeholder of page one, so that
     * issuing only fills in fields. Adding the widgets later, over printed text, is what a signature
     * must not tolerate (a shadow attack looks the same), whereas filling in fields that were signed
     * empty is the change an approval signature permits. The dots stay visible until then.
     */
    Document prepare(Document draft) {
        byte[] original = draft.content();
        PdfFacts facts = PdfInspector.inspect(original, false);
        if (facts.signatureFields().stream().anyMatch(PdfFacts.SignatureField::signed)) {
            return draft; // too late: a field added now would cover text the signature vouches for
        }
        try (PDDocument pdf = Loader.loadPDF(original)) {
            PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
            if (hasField(form, NUMBER_FIELDS) && hasField(form, DATE_FIELDS)) {
                return draft;
            }
            List<Run> runs = firstPageRuns(pdf);
            PDPage page = pdf.getPage(0);
            boolean added = false;
            for (var wanted : List.of(new Object[] {NUMBER_FIELDS, NUMBER, NUMBER_FIELD_NAME},
                    new Object[] {DATE_FIELDS, DATE, DATE_FIELD_NAME})) {
                @SuppressWarnings("unchecked")
                Set<String> names = (Set<String>) wanted[0];
                Placeholder p = hasField(form, names) ? null : find(runs, (Pattern) wanted[1]);
                if (p != null) {
                    form = addEmptyField(pdf, page, (String) wanted[2], p);
                    added = true;
                }
            }
            if (!added) {
                return draft;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 4096);
            pdf.save(out);
            return new Document(draft.name(), out.toByteArray());
        } catch (IOException | RuntimeException e) {
            if (e instanceof SigningException s) {
                throw s;
            }
            throw new SigningException(SigningError.MALFORMED_DOCUMENT,
                    "the placeholders for the number and date could not be marked in the draft", e);
        }
    }

    /** Fills the number and date fields in an incremental update; nothing else in the PDF changes. */
    FilledIn fill(FillInRequest request) {
        byte[] original = request.document().content();
        PdfInspector.inspect(original, false); // refuses what is not a readable, unencrypted PDF
        String date = vietnameseDate(request.documentDate());
        try (PDDocument pdf = Loader.loadPDF(original)) {
            PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
            PDType0Font font = PDType0Font.load(pdf, fontFile.toFile());
            List<Filled> filled = new ArrayList<>();
            How number = fillField(pdf, form, NUMBER_FIELDS, request.numberSymbol(), font);
            if (number != null) {
                filled.add(new Filled(What.NUMBER_SYMBOL, number, request.numberSymbol()));
            }
            How day = fillField(pdf, form, DATE_FIELDS, date, font);
            if (day != null) {
                filled.add(new Filled(What.DOCUMENT_DATE, day, date));
            }
            if (filled.isEmpty()) {
                return new FilledIn(request.document(), List.of());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 65_536);
            // PDFBox 3 tracks the objects changed since loading and writes them; naming them as well
            // wrote each field twice in the update, which validators rightly refuse.
            pdf.saveIncremental(out, Set.of());
            byte[] updated = out.toByteArray();
            if (!java.util.Arrays.equals(updated, 0, original.length, original, 0, original.length)) {
                throw new IllegalStateException("incremental save did not keep the original bytes");
            }
            return new FilledIn(new Document(request.document().name(), updated), filled);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SigningException s) {
                throw s;
            }
            throw new SigningException(SigningError.SIGNING_FAILED,
                    "the number and date could not be written into the letter", e);
        }
    }

    /**
     * The date as Decree 30 writes it: "ngày 05 tháng 12 năm 2026", with a leading zero for days below
     * 10 and for the months January and February (Appendix I, Part I, II.4.b).
     */
    static String vietnameseDate(LocalDate date) {
        int month = date.getMonthValue();
        return String.format(Locale.ROOT, "ngày %02d tháng %s năm %d", date.getDayOfMonth(),
                month < 3 ? String.format(Locale.ROOT, "%02d", month) : Integer.toString(month), date.getYear());
    }

    private static boolean hasField(PDAcroForm form, Set<String> names) {
        return field(form, names) != null;
    }

    private static PDTextField field(PDAcroForm form, Set<String> names) {
        if (form == null) {
            return null;
        }
        for (PDField field : form.getFieldTree()) {
            String name = field.getPartialName() == null ? "" : field.getPartialName().toLowerCase(Locale.ROOT);
            if (field instanceof PDTextField text && names.contains(name)) {
                return text;
            }
        }
        return null;
    }

    /** Sets the field's value and appearance; null when the letter has no such field. */
    private How fillField(PDDocument pdf, PDAcroForm form, Set<String> names, String value, PDType0Font font)
            throws IOException {
        PDTextField text = field(form, names);
        if (text == null) {
            return null;
        }
        // The value is set on the dictionary: PDFBox would build its own appearance from the field's
        // default font, which seldom has Vietnamese letters; ours is built below.
        text.getCOSObject().setString(COSName.V, value);
        COSDictionary placeholder = text.getCOSObject().getCOSDictionary(PLACEHOLDER_KEY);
        for (PDAnnotationWidget widget : text.getWidgets()) {
            PDRectangle r = widget.getRectangle();
            // Our fields remember the placeholder's size and baseline; a draft's own field is sized from its box.
            float size = placeholder != null ? placeholder.getFloat(COSName.SIZE, DEFAULT_SIZE)
                    : Math.min(DEFAULT_SIZE, r.getHeight() * 0.8f);
            float dots = placeholder != null ? placeholder.getFloat(COSName.W, 0) : 0;
            float baseline = placeholder != null ? size * DESCENT : r.getHeight() * 0.25f;
            widget.setAppearance(appearance(pdf, r.getWidth(), r.getHeight(), value, font, size, dots, baseline));
        }
        return placeholder != null ? How.PLACEHOLDER : How.FORM_FIELD;
    }

    private static PDAcroForm addEmptyField(PDDocument pdf, PDPage page, String name, Placeholder p)
            throws IOException {
        PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(pdf);
            pdf.getDocumentCatalog().setAcroForm(form);
        }
        PDRectangle box = page.getMediaBox();
        // Room for a value longer than the dots, within the page's right margin.
        float width = Math.min(Math.max(p.width() + 2, MIN_FIELD_WIDTH), box.getWidth() - p.x() - 20);
        float height = p.size() * 1.3f;
        // Text positions are from the top-left; the widget rectangle is in user space from the bottom-left.
        PDRectangle rect = new PDRectangle(box.getLowerLeftX() + p.x() - 1,
                box.getUpperRightY() - p.baseline() - p.size() * DESCENT, width, height);
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        field.setFieldFlags(READ_ONLY);
        COSDictionary placeholder = new COSDictionary();
        placeholder.setFloat(COSName.SIZE, p.size());
        placeholder.setFloat(COSName.W, p.width() + 2);
        field.getCOSObject().setItem(PLACEHOLDER_KEY, placeholder);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setAnnotationFlags(PRINT_FLAG);
        // An empty appearance: the printed dots show through until the clerk's values are filled in.
        PDAppearanceStream empty = new PDAppearanceStream(pdf);
        empty.setBBox(new PDRectangle(width, height));
        empty.setResources(new PDResources());
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(empty);
        widget.setAppearance(appearance);
        form.getFields().add(field);
        page.getAnnotations().add(widget);
        return form;
    }

    /**
     * White over the dots and under the value (no wider: the box may reach over printed text beside
     * the placeholder), then the value in black at the given baseline offset from the bottom.
     */
    private static PDAppearanceDictionary appearance(PDDocument pdf, float width, float height, String value,
            PDType0Font font, float size, float dots, float baseline) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(pdf);
        stream.setBBox(new PDRectangle(width, height));
        stream.setResources(new PDResources());
        float left = 1f;
        float white = Math.min(width, Math.max(dots, left + font.getStringWidth(value) / 1000f * size + 1));
        try (PDPageContentStream cs = new PDPageContentStream(pdf, stream)) {
            cs.setNonStrokingColor(Color.WHITE);
            cs.addRect(0, 0, white, height);
            cs.fill();
            cs.setNonStrokingColor(Color.BLACK);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(left, baseline);
            cs.showText(value);
            cs.endText();
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(stream);
        return appearance;
    }

    private static Placeholder find(List<Run> runs, Pattern pattern) {
        for (Run run : runs) {
            Matcher m = pattern.matcher(run.text());
            if (m.find()) {
                int start = m.start(1);
                int end = m.end(1) - 1;
                TextPosition first = run.positions().get(start);
                TextPosition last = run.positions().get(end);
                float x = first.getXDirAdj();
                return new Placeholder(x, last.getXDirAdj() + last.getWidthDirAdj() - x, first.getYDirAdj(),
                        first.getFontSizeInPt() > 0 ? first.getFontSizeInPt() : DEFAULT_SIZE);
            }
        }
        return null;
    }

    /** The runs of text on page one with one position per character, so a match maps to a box. */
    private static List<Run> firstPageRuns(PDDocument pdf) throws IOException {
        List<Run> runs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                StringBuilder chars = new StringBuilder();
                List<TextPosition> perChar = new ArrayList<>();
                for (TextPosition p : positions) {
                    String u = p.getUnicode();
                    for (int i = 0; u != null && i < u.length(); i++) {
                        chars.append(u.charAt(i));
                        perChar.add(p);
                    }
                }
                runs.add(new Run(chars.toString(), perChar));
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(1);
        stripper.setSortByPosition(true);
        stripper.writeText(pdf, Writer.nullWriter());
        return runs;
    }

    private record Run(String text, List<TextPosition> positions) {
    }

    /** The placeholder's left edge, width and baseline from the top-left of the page, and its font size. */
    private record Placeholder(float x, float width, float baseline, float size) {
    }
}
