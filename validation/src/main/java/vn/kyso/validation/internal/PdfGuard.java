package vn.kyso.validation.internal;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Refuses PDFs that would make DSS's revision comparison slow before DSS parses them: a byte scan
 * counts indirect objects (plain and inside object streams), then PDFBox, which DSS uses too, must be
 * able to open the file and report a bounded page count.
 */
final class PdfGuard {

    private PdfGuard() {
    }

    static void check(byte[] content, InputLimits limits) {
        long objects = countObjects(content);
        if (objects > limits.maxPdfObjects()) {
            throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                    "the PDF has more than " + limits.maxPdfObjects() + " objects");
        }
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getDocument().getXrefTable().size() > limits.maxPdfObjects()) {
                throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                        "the PDF has more than " + limits.maxPdfObjects() + " objects");
            }
            int pages = pdf.getNumberOfPages();
            if (pages > limits.maxPdfPages()) {
                throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                        "the PDF has more than " + limits.maxPdfPages() + " pages");
            }
        } catch (InvalidPasswordException e) {
            throw new ValidationException(ValidationError.UNSUPPORTED_DOCUMENT,
                    "the PDF is protected by a password", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(ValidationError.MALFORMED_DOCUMENT, "the PDF cannot be read", e);
        }
    }

    /** Counts "n g obj" headers and adds the /N of every object stream; linear, no parsing. */
    static long countObjects(byte[] data) {
        long count = 0;
        for (int i = 3; i + 3 <= data.length; i++) {
            if (data[i] == 'o' && data[i + 1] == 'b' && data[i + 2] == 'j' && isObjectHeader(data, i)) {
                count++;
            } else if (data[i] == '/' && regionMatches(data, i, "/ObjStm")) {
                count += objectStreamSize(data, i);
            }
        }
        return count;
    }

    /** Before "obj": whitespace, a generation number, whitespace, an object number. */
    private static boolean isObjectHeader(byte[] d, int objAt) {
        int after = objAt + 3;
        if (after < d.length && !isDelimiterOrSpace(d[after])) {
            return false;
        }
        int i = objAt - 1;
        if (i < 0 || !isSpace(d[i])) {
            return false;
        }
        while (i >= 0 && isSpace(d[i])) {
            i--;
        }
        int digits = 0;
        while (i >= 0 && isDigit(d[i])) {
            i--;
            digits++;
        }
        if (digits == 0 || i < 0 || !isSpace(d[i])) {
            return false;
        }
        while (i >= 0 && isSpace(d[i])) {
            i--;
        }
        return i >= 0 && isDigit(d[i]);
    }

    /** The /N entry near an /ObjStm type: the number of objects the stream holds. */
    private static long objectStreamSize(byte[] d, int at) {
        int from = Math.max(0, at - 512);
        int to = Math.min(d.length - 2, at + 512);
        for (int i = from; i < to; i++) {
            if (d[i] == '/' && d[i + 1] == 'N' && (isSpace(d[i + 2]) || isDigit(d[i + 2]))) {
                int j = i + 2;
                while (j < d.length && isSpace(d[j])) {
                    j++;
                }
                long n = 0;
                int digits = 0;
                while (j < d.length && isDigit(d[j]) && digits < 10) {
                    n = n * 10 + (d[j++] - '0');
                    digits++;
                }
                return n;
            }
        }
        return 0;
    }

    private static boolean regionMatches(byte[] d, int at, String s) {
        if (at + s.length() > d.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (d[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    private static boolean isDelimiterOrSpace(byte b) {
        return isSpace(b) || b == '<' || b == '[' || b == '(' || b == '/' || b == '%';
    }
}
