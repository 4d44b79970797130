package vn.kyso.validation.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The revisions of a PDF as incremental saving writes them: each ends with an end-of-file marker.
 * Enough to say "revision 2 of 3" in a report; DSS does the real structural work.
 */
final class PdfRevisions {

    private static final byte[] EOF = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final List<Long> ends;
    private final long length;

    private PdfRevisions(List<Long> ends, long length) {
        this.ends = ends;
        this.length = length;
    }

    static PdfRevisions of(byte[] pdf) {
        List<Long> ends = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = indexOf(pdf, EOF, from);
            if (at < 0) {
                break;
            }
            ends.add((long) at + EOF.length);
            from = at + EOF.length;
        }
        return new PdfRevisions(ends, pdf.length);
    }

    /** Where each end-of-file marker ends, in file order: the ends of the incremental sections. */
    List<Long> eofEnds() {
        return List.copyOf(ends);
    }

    int count() {
        return Math.max(1, ends.size());
    }

    /** The number of revisions wholly inside the first {@code signedLength} bytes. */
    int revisionsWithin(long signedLength) {
        int n = 0;
        for (long end : ends) {
            if (end <= signedLength) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    long length() {
        return length;
    }

    /**
     * Whether the file ends in a complete revision: an end-of-file marker followed by nothing but line
     * ends, and a startxref that points at a cross-reference table or stream. A cut or patched last
     * revision passes PDFBox's lenient repair, so the signature checks alone would not notice it.
     */
    boolean tailIntact(byte[] pdf) {
        if (ends.isEmpty()) {
            return false;
        }
        long lastEnd = ends.get(ends.size() - 1);
        for (long i = lastEnd; i < pdf.length; i++) {
            if (!lineEnd(pdf[(int) i])) {
                return false;
            }
        }
        int startxref = lastIndexOf(pdf, "startxref".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                (int) lastEnd);
        if (startxref < 0) {
            return false;
        }
        int i = skipSpace(pdf, startxref + "startxref".length());
        long offset = 0;
        int digits = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
            offset = offset * 10 + (pdf[i++] - '0');
            digits++;
        }
        if (digits == 0 || offset >= pdf.length) {
            return false;
        }
        int at = skipSpace(pdf, (int) offset);
        return startsWith(pdf, at, "xref") || isObjectHeader(pdf, at);
    }

    /**
     * Whether the signed bytes end where a revision ends: at an end-of-file marker, give or take line
     * ends, or at the end of the file. A byte range that stops inside its revision leaves that revision's
     * own end (its cross-reference table, trailer or startxref) unsigned, and those bytes decide which
     * objects a reader shows; they are not an incremental update a later hand added.
     */
    boolean endsRevision(byte[] pdf, long signedEnd) {
        if (signedEnd >= pdf.length) {
            return true;
        }
        long eof = -1;
        for (long end : ends) {
            if (end <= signedEnd) {
                eof = end;
            }
        }
        if (eof < 0) {
            return false;
        }
        for (long i = eof; i < signedEnd; i++) {
            if (!lineEnd(pdf[(int) i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean lineEnd(byte b) {
        return b == '\r' || b == '\n' || b == ' ' || b == '\t' || b == 0;
    }

    /** "12 0 obj" at {@code at}: a cross-reference stream is an indirect object. */
    private static boolean isObjectHeader(byte[] d, int at) {
        int i = at;
        int digits = 0;
        while (i < d.length && d[i] >= '0' && d[i] <= '9') {
            i++;
            digits++;
        }
        if (digits == 0 || i >= d.length || d[i] != ' ') {
            return false;
        }
        i = skipSpace(d, i);
        digits = 0;
        while (i < d.length && d[i] >= '0' && d[i] <= '9') {
            i++;
            digits++;
        }
        return digits > 0 && startsWith(d, skipSpace(d, i), "obj");
    }

    private static int skipSpace(byte[] d, int i) {
        while (i < d.length && (d[i] == ' ' || d[i] == '\r' || d[i] == '\n' || d[i] == '\t' || d[i] == '\f'
                || d[i] == 0)) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] d, int at, String s) {
        if (at < 0 || at + s.length() > d.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (d[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(byte[] data, byte[] needle, int before) {
        for (int i = Math.min(before, data.length) - needle.length; i >= 0; i--) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = data[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
