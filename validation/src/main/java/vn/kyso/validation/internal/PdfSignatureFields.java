package vn.kyso.validation.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import vn.kyso.validation.Explanation;

/**
 * Every signature dictionary a PDF's form holds, checked for the universal signature forgery variants
 * of Mladenov et al. 2019: /Contents missing, null, empty or not a CMS signed-data structure, and a
 * /ByteRange missing, malformed, overlapping, beyond the file, or whose gap is not exactly this
 * dictionary's /Contents. DSS skips such a dictionary, so without this a forged signature reads as
 * "the document has no signature", and a viewer that shows a signature panel for it stays silent.
 */
final class PdfSignatureFields {

    static final String SIGNATURE_BROKEN = "SIGNATURE_BROKEN";
    static final String BYTE_RANGE_INVALID = "BYTE_RANGE_INVALID";

    /** What is wrong, in both languages. */
    private enum Problem {
        CONTENTS_MISSING("thiếu /Contents", "its /Contents is missing"),
        CONTENTS_NULL("/Contents rỗng (null)", "its /Contents is null"),
        CONTENTS_NOT_STRING("/Contents không phải là chuỗi", "its /Contents is not a string"),
        CONTENTS_EMPTY("/Contents không có dữ liệu", "its /Contents is empty"),
        CONTENTS_NOT_SIGNED_DATA("/Contents không phải cấu trúc CMS SignedData", "its /Contents is not a CMS signed-data structure"),
        CONTENTS_NOT_CMS("/Contents không phải là chữ ký CMS", "its /Contents is not a CMS signature"),
        RANGE_MISSING("thiếu /ByteRange", "it is missing"),
        RANGE_NOT_FOUR("không gồm đúng bốn số", "it does not have four numbers"),
        RANGE_NOT_INTEGER("có giá trị không phải số nguyên không âm", "it holds a value that is not a non-negative integer"),
        RANGE_NOT_FROM_START("không bắt đầu từ đầu tệp", "it does not start at the beginning of the file"),
        RANGE_OVERLAP("hai phần chồng lên nhau", "its two parts overlap"),
        RANGE_BEYOND_END("vượt quá cuối tệp", "it reaches beyond the end of the file"),
        RANGE_GAP_NOT_CONTENTS("khoảng không được ký không đúng là /Contents của chữ ký này", "the unsigned gap is not this signature's /Contents");

        final String vi;
        final String en;

        Problem(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }

    private PdfSignatureFields() {
    }

    /** One finding per broken signature dictionary, in form order. */
    static List<Explanation> check(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return check(doc, pdf);
        } catch (IOException | RuntimeException e) {
            // PdfGuard has already opened the file; a form PDFBox cannot walk is DSS's to report
            return new ArrayList<>();
        }
    }

    /** The same, on a parse of {@code pdf} already made (DSS's, which only read it). */
    static List<Explanation> check(PDDocument doc, byte[] pdf) {
        List<Explanation> findings = new ArrayList<>();
        try {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form == null) {
                return findings;
            }
            int checked = 0;
            for (PDField field : form.getFieldTree()) {
                if (!(field instanceof PDSignatureField) || ++checked > 1_000) {
                    continue;
                }
                COSBase value = field.getCOSObject().getDictionaryObject(COSName.V);
                if (value instanceof COSDictionary signature) {
                    check(pdf, name(field), signature, findings);
                }
            }
        } catch (RuntimeException e) {
            // PdfGuard has already opened the file; a form PDFBox cannot walk is DSS's to report
            return findings;
        }
        return findings;
    }

    private static void check(byte[] pdf, String field, COSDictionary signature, List<Explanation> findings) {
        COSBase raw = signature.getItem(COSName.CONTENTS);
        // getDictionaryObject would turn an explicit null into "missing": keep the two apart
        COSBase contents = raw instanceof COSObject o ? o.getObject() : raw;
        Problem contentsProblem = contentsProblem(contents);
        if (contentsProblem != null) {
            findings.add(new Explanation(SIGNATURE_BROKEN,
                    "Chữ ký \"" + field + "\" bị hỏng hoặc giả mạo: " + contentsProblem.vi
                            + " (giả mạo chữ ký phổ quát) — không được phép",
                    "The signature \"" + field + "\" is broken or forged: " + contentsProblem.en
                            + " (universal signature forgery) — not permitted"));
            return;
        }
        Problem rangeProblem = byteRangeProblem(pdf, signature.getDictionaryObject(COSName.BYTERANGE),
                ((COSString) contents).getBytes());
        if (rangeProblem != null) {
            findings.add(new Explanation(BYTE_RANGE_INVALID,
                    "Phạm vi ký (/ByteRange) của chữ ký \"" + field + "\" không hợp lệ: " + rangeProblem.vi
                            + " (giả mạo chữ ký phổ quát) — không được phép",
                    "The signed byte range (/ByteRange) of the signature \"" + field + "\" is invalid: "
                            + rangeProblem.en + " (universal signature forgery) — not permitted"));
        }
    }

    private static Problem contentsProblem(COSBase contents) {
        if (contents == null) {
            return Problem.CONTENTS_MISSING;
        }
        if (contents instanceof COSNull) {
            return Problem.CONTENTS_NULL;
        }
        if (!(contents instanceof COSString s)) {
            return Problem.CONTENTS_NOT_STRING;
        }
        byte[] bytes = s.getBytes();
        boolean empty = true;
        for (byte b : bytes) {
            empty &= b == 0;
        }
        if (empty) {
            return Problem.CONTENTS_EMPTY;
        }
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive object = in.readObject();
            ContentInfo info = ContentInfo.getInstance(object);
            if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                return Problem.CONTENTS_NOT_SIGNED_DATA;
            }
            SignedData.getInstance(info.getContent());
            return null;
        } catch (IOException | RuntimeException e) {
            return Problem.CONTENTS_NOT_CMS;
        }
    }

    private static Problem byteRangeProblem(byte[] pdf, COSBase range, byte[] contents) {
        if (!(range instanceof COSArray array)) {
            return Problem.RANGE_MISSING;
        }
        if (array.size() != 4) {
            return Problem.RANGE_NOT_FOUR;
        }
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSInteger n) || n.longValue() < 0) {
                return Problem.RANGE_NOT_INTEGER;
            }
            r[i] = n.longValue();
        }
        if (r[0] != 0) {
            return Problem.RANGE_NOT_FROM_START;
        }
        if (r[0] + r[1] > r[2]) {
            return Problem.RANGE_OVERLAP;
        }
        if (r[2] + r[3] > pdf.length) {
            return Problem.RANGE_BEYOND_END;
        }
        // the gap must be exactly "<hex>" of this dictionary's /Contents: anything else either signs
        // bytes that are not the signature or leaves unsigned bytes outside it
        int gapStart = (int) r[1];
        int gapEnd = (int) r[2];
        if (gapEnd - gapStart < 2 || pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>'
                || !sameHex(pdf, gapStart + 1, gapEnd - 1, contents)) {
            return Problem.RANGE_GAP_NOT_CONTENTS;
        }
        return null;
    }

    private static boolean sameHex(byte[] pdf, int from, int to, byte[] contents) {
        if ((to - from) != contents.length * 2) {
            return false;
        }
        for (int i = 0; i < contents.length; i++) {
            int hi = Character.digit(pdf[from + 2 * i], 16);
            int lo = Character.digit(pdf[from + 2 * i + 1], 16);
            if (hi < 0 || lo < 0 || (byte) (hi << 4 | lo) != contents[i]) {
                return false;
            }
        }
        return true;
    }

    private static String name(PDField field) {
        String name = field.getFullyQualifiedName();
        return name == null ? "?" : name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
