package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one incremental section's cross-reference data on its own, as written: a classic table with
 * its trailer, or a cross-reference stream (FlateDecode with or without a PNG predictor), or both (a
 * hybrid file's /XRefStm). PDFBox merges all sections into one table and repairs what does not fit,
 * which is exactly what hides a shadowing entry; this keeps each section's entries as the attacker
 * wrote them.
 */
final class PdfXref {

    /** An in-use entry: type 1 (offset in the file) or type 2 (index in an object stream). */
    record Entry(int number, int type, long field) {
    }

    /** One section's entries in table order, its /Prev (or -1) and whether it could be read at all. */
    record Table(List<Entry> entries, long prev, boolean readable) {
        static final Table UNREADABLE = new Table(List.of(), -1, false);
    }

    private static final int MAX_ENTRIES = 1_000_000;
    private static final int MAX_INFLATED = 64 * 1024 * 1024;
    private static final Pattern PREV = Pattern.compile("/Prev\\s+(\\d+)");
    private static final Pattern XREF_STM = Pattern.compile("/XRefStm\\s+(\\d+)");

    private PdfXref() {
    }

    /** The table at {@code offset}, "xref" or an indirect /Type /XRef stream. */
    static Table read(byte[] pdf, long offset) {
        if (offset < 0 || offset >= pdf.length) {
            return Table.UNREADABLE;
        }
        int at = skipSpace(pdf, (int) offset);
        try {
            if (startsWith(pdf, at, "xref")) {
                return classic(pdf, at + 4);
            }
            return stream(pdf, at);
        } catch (RuntimeException e) {
            // a table this reader cannot follow is reported as such, never as "no entries"
            return Table.UNREADABLE;
        }
    }

    private static Table classic(byte[] pdf, int from) {
        List<Entry> entries = new ArrayList<>();
        int i = from;
        while (true) {
            i = skipSpace(pdf, i);
            if (startsWith(pdf, i, "trailer")) {
                break;
            }
            long[] start = new long[1];
            i = number(pdf, i, start);
            i = skipSpace(pdf, i);
            long[] count = new long[1];
            i = number(pdf, i, count);
            if (count[0] < 0 || entries.size() + count[0] > MAX_ENTRIES) {
                return Table.UNREADABLE;
            }
            for (long k = 0; k < count[0]; k++) {
                long[] field = new long[1];
                long[] generation = new long[1];
                i = number(pdf, skipSpace(pdf, i), field);
                i = number(pdf, skipSpace(pdf, i), generation);
                i = skipSpace(pdf, i);
                char kind = (char) pdf[i++];
                if (kind == 'n') {
                    entries.add(new Entry((int) (start[0] + k), 1, field[0]));
                } else if (kind != 'f') {
                    return Table.UNREADABLE;
                }
            }
        }
        String trailer = text(pdf, i, Math.min(pdf.length, i + 4096));
        int end = trailer.indexOf("startxref");
        if (end > 0) {
            trailer = trailer.substring(0, end);
        }
        Matcher xrefStm = XREF_STM.matcher(trailer);
        if (xrefStm.find()) {
            Table hybrid = read(pdf, Long.parseLong(xrefStm.group(1)));
            if (!hybrid.readable()) {
                return Table.UNREADABLE;
            }
            entries.addAll(hybrid.entries());
        }
        return new Table(entries, prev(trailer), true);
    }

    private static Table stream(byte[] pdf, int at) {
        int dictAt = indexOf(pdf, "<<", at, 64);
        int streamAt = indexOf(pdf, "stream", dictAt, 4096);
        if (dictAt < 0 || streamAt < 0 || !text(pdf, at, dictAt).matches("\\s*\\d+\\s+\\d+\\s+obj\\s*")) {
            return Table.UNREADABLE;
        }
        String dict = text(pdf, dictAt, streamAt);
        if (!dict.matches("(?s).*/Type\\s*/XRef\\b.*")) {
            return Table.UNREADABLE;
        }
        int dataAt = streamAt + "stream".length();
        if (pdf[dataAt] == '\r') {
            dataAt++;
        }
        if (pdf[dataAt] == '\n') {
            dataAt++;
        }
        int endAt = indexOf(pdf, "endstream", dataAt, Integer.MAX_VALUE);
        Matcher length = Pattern.compile("/Length\\s+(\\d+)(?!\\s+\\d+\\s+R)").matcher(dict);
        int dataEnd = length.find() ? dataAt + Integer.parseInt(length.group(1)) : endAt;
        if (dataEnd > pdf.length || dataEnd < dataAt) {
            return Table.UNREADABLE;
        }
        byte[] data = java.util.Arrays.copyOfRange(pdf, dataAt, dataEnd);
        if (dict.contains("/FlateDecode")) {
            data = inflate(data);
        } else if (dict.contains("/Filter")) {
            return Table.UNREADABLE;
        }
        int[] w = ints(list(dict, "W"));
        if (w.length != 3) {
            return Table.UNREADABLE;
        }
        int row = w[0] + w[1] + w[2];
        int predictor = intOr(dict, "Predictor", 1);
        if (predictor >= 10) {
            data = unpredict(data, intOr(dict, "Columns", 1));
        }
        String indexText = list(dict, "Index");
        int[] index = indexText == null ? new int[] {0, intOr(dict, "Size", 0)} : ints(indexText);
        List<Entry> entries = new ArrayList<>();
        int p = 0;
        for (int s = 0; s + 1 < index.length; s += 2) {
            for (int k = 0; k < index[s + 1]; k++) {
                if (p + row > data.length || entries.size() >= MAX_ENTRIES) {
                    return Table.UNREADABLE;
                }
                long type = w[0] == 0 ? 1 : field(data, p, w[0]);
                long f2 = field(data, p + w[0], w[1]);
                p += row;
                if (type == 1 || type == 2) {
                    entries.add(new Entry(index[s] + k, (int) type, f2));
                }
            }
        }
        return new Table(entries, prev(dict), true);
    }

    private static long prev(String dictionary) {
        Matcher m = PREV.matcher(dictionary);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** PNG predictors (RFC 2083 filter types 0–4), one filter byte per row. */
    private static byte[] unpredict(byte[] data, int columns) {
        int stride = columns + 1;
        byte[] out = new byte[data.length / stride * columns];
        byte[] previous = new byte[columns];
        for (int r = 0; r < data.length / stride; r++) {
            int filter = data[r * stride];
            byte[] line = new byte[columns];
            for (int c = 0; c < columns; c++) {
                int raw = data[r * stride + 1 + c] & 0xff;
                int left = c > 0 ? line[c - 1] & 0xff : 0;
                int up = previous[c] & 0xff;
                int upLeft = c > 0 ? previous[c - 1] & 0xff : 0;
                int value = switch (filter) {
                    case 1 -> raw + left;
                    case 2 -> raw + up;
                    case 3 -> raw + (left + up) / 2;
                    case 4 -> raw + paeth(left, up, upLeft);
                    default -> raw;
                };
                line[c] = (byte) value;
            }
            System.arraycopy(line, 0, out, r * columns, columns);
            previous = line;
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished() && out.size() < MAX_INFLATED) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("cross-reference stream cannot be inflated", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static long field(byte[] data, int at, int width) {
        long v = 0;
        for (int k = 0; k < width; k++) {
            v = (v << 8) | (data[at + k] & 0xff);
        }
        return v;
    }

    private static String list(String dict, String key) {
        Matcher m = Pattern.compile("/" + key + "\\s*\\[([^\\]]*)\\]").matcher(dict);
        return m.find() ? m.group(1) : null;
    }

    private static int intOr(String dict, String key, int fallback) {
        Matcher m = Pattern.compile("/" + key + "\\s+(\\d+)").matcher(dict);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    private static int[] ints(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        return java.util.Arrays.stream(text.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    /** Parses digits at {@code i} into {@code out[0]}; throws if there are none. */
    private static int number(byte[] pdf, int i, long[] out) {
        int digits = 0;
        long v = 0;
        while (i < pdf.length && pdf[i] >= '0' && pdf[i] <= '9' && digits < 12) {
            v = v * 10 + (pdf[i++] - '0');
            digits++;
        }
        if (digits == 0) {
            throw new IllegalArgumentException("number expected");
        }
        out[0] = v;
        return i;
    }

    /** The object number of an "n g obj" header at {@code at} (after white space), or -1. */
    static long objectNumberAt(byte[] pdf, long at) {
        if (at < 0 || at >= pdf.length) {
            return -1;
        }
        int i = (int) at;
        for (int k = 0; k < 4 && i < pdf.length && isSpace(pdf[i]); k++) {
            i++;
        }
        try {
            long[] number = new long[1];
            long[] generation = new long[1];
            i = number(pdf, i, number);
            if (i >= pdf.length || !isSpace(pdf[i])) {
                return -1;
            }
            i = number(pdf, skipSpace(pdf, i), generation);
            return startsWith(pdf, skipSpace(pdf, i), "obj") ? number[0] : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static Map<Integer, Entry> byNumber(List<Entry> entries) {
        Map<Integer, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.number(), e);
        }
        return map;
    }

    static int skipSpace(byte[] d, int i) {
        while (i < d.length && isSpace(d[i])) {
            i++;
        }
        return i;
    }

    static boolean isSpace(byte b) {
        return b == ' ' || b == '\r' || b == '\n' || b == '\t' || b == '\f' || b == 0;
    }

    static boolean startsWith(byte[] d, int at, String s) {
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

    static int indexOf(byte[] d, String s, int from, int within) {
        if (from < 0) {
            return -1;
        }
        long limit = Math.min((long) d.length - s.length(), (long) from + within);
        for (int i = from; i <= limit; i++) {
            if (startsWith(d, i, s)) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] d, int from, int to) {
        return new String(d, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }
}
