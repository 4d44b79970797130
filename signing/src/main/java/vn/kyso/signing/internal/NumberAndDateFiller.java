package vn.kyso.signing.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
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
 * <p>The authorised person has usually signed already, so the page content must not change: each
 * value goes into a read-only text field whose widget covers the placeholder with white and shows the
 * value in Liberation Serif (Times New Roman's metric twin) at the placeholder's size, saved as an
 * incremental update. Filling form fields is what an approval signature permits (ISO 32000-1,
 * 12.8.2.2), and text in a widget's appearance is real text that pdftotext and readers extract.
 */
final class NumberAndDateFiller {

    /** Field names a draft may use for the values; compared without case. */
    static final Set<String> NUMBER_FIELDS = Set.of("numbersymbol", "sokyhieu", "so_ky_hieu");
    static final Set<String> DATE_FIELDS = Set.of("documentdate", "ngaybanhanh", "ngay_ban_hanh");
    static final String NUMBER_FIELD_NAME = "kysoNumberSymbol";
    static final String DATE_FIELD_NAME = "kysoDocumentDate";

    private static final String DOTS = "[.…_]{2,}";
    /** "Số: ....../TTr-UBND": the dots and any printed symbol after them are replaced by the number and symbol. */
    static final Pattern NUMBER = Pattern.compile("Số\\s*:\\s*(" + DOTS + "\\S*)");
    /** "ngày ... tháng ... năm ...", the year printed or dotted. */
    static final Pattern DATE = Pattern.compile("(ngày\\s*" + DOTS + "\\s*tháng\\s*" + DOTS + "\\s*năm\\s*(?:"
            + DOTS + "|\\d{4}|\\d{2}" + DOTS + "))");
    private static final float DEFAULT_SIZE = 13f;
    private static final int PRINT_FLAG = 4;
    private static final int READ_ONLY = 1;

    private final Path fontFile;

    NumberAndDateFiller(Path fontFile) {
        this.fontFile = fontFile;
    }

    FilledIn fill(FillInRequest request) {
        byte[] original = request.document().content();
        PdfInspector.inspect(original, false); // refuses what is not a readable, unencrypted PDF
        String date = vietnameseDate(request.documentDate());
        try (PDDocument pdf = Loader.loadPDF(original)) {
            List<Filled> filled = new ArrayList<>();
            Set<COSDictionary> changed = new HashSet<>();
            PDType0Font font = PDType0Font.load(pdf, fontFile.toFile());
            PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
            boolean numberDone = fillField(pdf, form, NUMBER_FIELDS, request.numberSymbol(), font, changed);
            boolean dateDone = fillField(pdf, form, DATE_FIELDS, date, font, changed);
            if (numberDone) {
                filled.add(new Filled(What.NUMBER_SYMBOL, How.FORM_FIELD, request.numberSymbol()));
            }
            if (dateDone) {
                filled.add(new Filled(What.DOCUMENT_DATE, How.FORM_FIELD, date));
            }
            if (!numberDone || !dateDone) {
                List<Run> runs = firstPageRuns(pdf);
                PDPage page = pdf.getPage(0);
                if (!numberDone) {
                    Placeholder p = find(runs, NUMBER);
                    if (p != null) {
                        addField(pdf, page, NUMBER_FIELD_NAME, p, request.numberSymbol(), font, changed);
                        filled.add(new Filled(What.NUMBER_SYMBOL, How.PLACEHOLDER, request.numberSymbol()));
                    }
                }
                if (!dateDone) {
                    Placeholder p = find(runs, DATE);
                    if (p != null) {
                        addField(pdf, page, DATE_FIELD_NAME, p, date, font, changed);
                        filled.add(new Filled(What.DOCUMENT_DATE, How.PLACEHOLDER, date));
                    }
                }
            }
            if (filled.isEmpty()) {
                return new FilledIn(request.document(), List.of());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 65_536);
            pdf.saveIncremental(out, changed);
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

    private boolean fillField(PDDocument pdf, PDAcroForm form, Set<String> names, String value, PDType0Font font,
            Set<COSDictionary> changed) throws IOException {
        if (form == null) {
            return false;
        }
        for (PDField field : form.getFieldTree()) {
            if (!(field instanceof PDTextField text) || !names.contains(field.getPartialName() == null ? ""
                    : field.getPartialName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            // The value is set on the dictionary: PDFBox would build its own appearance from the field's
            // default font, which seldom has Vietnamese letters; ours is built below.
            text.getCOSObject().setString(COSName.V, value);
            changed.add(text.getCOSObject());
            for (PDAnnotationWidget widget : text.getWidgets()) {
                PDRectangle r = widget.getRectangle();
                widget.setAppearance(appearance(pdf, r.getWidth(), r.getHeight(), value, font,
                        Math.min(DEFAULT_SIZE, r.getHeight() * 0.8f), 1f, r.getHeight() * 0.25f));
                changed.add(widget.getCOSObject());
            }
            return true;
        }
        return false;
    }

    private void addField(PDDocument pdf, PDPage page, String name, Placeholder p, String value, PDType0Font font,
            Set<COSDictionary> changed) throws IOException {
        PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            form = new PDAcroForm(pdf);
            pdf.getDocumentCatalog().setAcroForm(form);
        }
        float width = Math.max(p.width(), font.getStringWidth(value) / 1000f * p.size()) + 2;
        float height = p.size() * 1.3f;
        PDRectangle box = page.getMediaBox();
        // Text positions are from the top-left; the widget rectangle is in user space from the bottom-left.
        float descent = p.size() * 0.3f;
        PDRectangle rect = new PDRectangle(box.getLowerLeftX() + p.x() - 1,
                box.getUpperRightY() - p.baseline() - descent, width, height);
        PDTextField field = new PDTextField(form);
        field.setPartialName(name);
        field.setFieldFlags(READ_ONLY);
        field.getCOSObject().setString(COSName.V, value);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(rect);
        widget.setPage(page);
        widget.setAnnotationFlags(PRINT_FLAG);
        widget.setAppearance(appearance(pdf, width, height, value, font, p.size(), 1f, descent));
        form.getFields().add(field);
        form.setNeedAppearances(false);
        page.getAnnotations().add(widget);
        COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annots != null) {
            annots.setNeedToBeUpdated(true);
        }
        COSArray fields = form.getCOSObject().getCOSArray(COSName.FIELDS);
        if (fields != null) {
            fields.setNeedToBeUpdated(true);
        }
        changed.add(pdf.getDocumentCatalog().getCOSObject());
        changed.add(form.getCOSObject());
        changed.add(page.getCOSObject());
        changed.add(field.getCOSObject());
        changed.add(widget.getCOSObject());
    }

    /** White over the placeholder, then the value in black at the given baseline offset from the bottom. */
    private static PDAppearanceDictionary appearance(PDDocument pdf, float width, float height, String value,
            PDType0Font font, float size, float left, float baseline) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(pdf);
        stream.setBBox(new PDRectangle(width, height));
        stream.setResources(new PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(pdf, stream)) {
            cs.setNonStrokingColor(Color.WHITE);
            cs.addRect(0, 0, width, height);
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
