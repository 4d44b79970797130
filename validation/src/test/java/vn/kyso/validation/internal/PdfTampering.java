package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** The ways a signed PDF gets changed after signing, as an attacker or a careless editor would do it. */
final class PdfTampering {

    private PdfTampering() {
    }

    /** Flips one byte inside page 1's content stream, which the first revision holds and every signature covers. */
    static byte[] flipContentByte(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSStream contents = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            COSObjectKey key = contents.getKey();
            String header = key.getNumber() + " " + key.getGeneration() + " obj";
            int objAt = -1;
            for (String before : new String[] {"\n", "\r", " "}) {
                objAt = indexOfOrMinusOne(pdf, (before + header).getBytes(StandardCharsets.US_ASCII));
                if (objAt >= 0) {
                    break;
                }
            }
            int streamAt = indexOf(pdf, "stream".getBytes(StandardCharsets.US_ASCII), objAt);
            byte[] copy = pdf.clone();
            copy[streamAt + 20] ^= 0x01;
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An incremental update that writes text over page 1 through an extra content stream. */
    static byte[] appendText(byte[] pdf, String text) {
        return incremental(pdf, doc -> {
            PDPage page = doc.getPage(0);
            try (var cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                cs.newLineAtOffset(90, 420);
                cs.showText(text);
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /**
     * The shadow attack's "replace" variant: a later revision rewrites the existing content stream object
     * (same object number), so the visible text changes while the signed bytes stay intact.
     */
    static byte[] replaceContent(byte[] pdf) {
        return incremental(pdf, doc -> {
            PDPage page = doc.getPage(0);
            COSStream contents = (COSStream) page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                out.write("BT /F1 24 Tf 90 500 Td (Noi dung da bi thay) Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            contents.setNeedToBeUpdated(true);
        });
    }

    /** An incremental update adding a FreeText annotation on page 1. */
    static byte[] appendAnnotation(byte[] pdf) {
        return incremental(pdf, doc -> {
            PDPage page = doc.getPage(0);
            PDAnnotationFreeText note = new PDAnnotationFreeText();
            note.setRectangle(new PDRectangle(90, 400, 300, 40));
            note.setContents("Số tiền: 1.000.000.000 đồng");
            note.setDefaultAppearance("/Helv 12 Tf 0 g");
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** The shadow attack's "hide" variant: a later revision paints a white box over the signed text. */
    static byte[] coverWithWhiteBox(byte[] pdf) {
        return incremental(pdf, doc -> {
            PDPage page = doc.getPage(0);
            try (var cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.setNonStrokingColor(1f, 1f, 1f);
                cs.addRect(80, 300, 450, 200);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** A text field with a value added to the form after signing, as a "fill in the amount" edit would. */
    static byte[] addFormField(byte[] pdf) {
        return incremental(pdf, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            if (form == null) {
                form = new PDAcroForm(doc);
                doc.getDocumentCatalog().setAcroForm(form);
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 12 Tf 0 g");
            PDTextField field = new PDTextField(form);
            field.setPartialName("SoTien");
            var widget = field.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(90, 400, 300, 30));
            widget.setPage(doc.getPage(0));
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            field.setValue("1.000.000.000 dong");
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    /** An incremental update appending a blank page. */
    static byte[] appendPage(byte[] pdf) {
        return incremental(pdf, doc -> {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    interface Edit {
        void apply(PDDocument doc) throws IOException;
    }

    static byte[] incremental(byte[] pdf, Edit edit) {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(doc);
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfOrMinusOne(byte[] data, byte[] needle) {
        try {
            return indexOf(data, needle, 0);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found: " + new String(needle, StandardCharsets.US_ASCII));
    }
}
