package vn.kyso.api.upload;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a PDF is encrypted, read from its last cross-reference section without parsing the file (the
 * PDF engines stay inside their modules): an encrypted PDF names its encryption dictionary with
 * {@code /Encrypt} in the trailer, or in the dictionary of a cross-reference stream, and both are written
 * in clear even when every string and stream is encrypted (ISO 32000-1, 7.5.5, 7.5.8 and 7.6.1).
 */
final class PdfEncryption {

    private static final Pattern START_XREF = Pattern.compile("startxref\\s+(\\d{1,15})");
    private static final Pattern ENCRYPT = Pattern.compile("/Encrypt(?![A-Za-z0-9])");
    /** Enough for any trailer or cross-reference stream dictionary. */
    private static final int DICTIONARY_WINDOW = 8192;

    private PdfEncryption() {
    }

    /** True for a PDF whose last trailer names an encryption dictionary; false for anything else. */
    static boolean isEncrypted(byte[] file) {
        if (!isPdf(file)) {
            return false;
        }
        int tailStart = Math.max(0, file.length - 2048);
        String tail = latin1(file, tailStart, file.length);
        Matcher m = START_XREF.matcher(tail);
        long offset = -1;
        int startXrefAt = -1;
        while (m.find()) {
            offset = Long.parseLong(m.group(1));
            startXrefAt = tailStart + m.start();
        }
        if (offset < 0 || offset >= file.length) {
            // A damaged file: the last trailer in its last few kilobytes, as a reader repairing it would use.
            String end = latin1(file, Math.max(0, file.length - DICTIONARY_WINDOW), file.length);
            int trailer = end.lastIndexOf("trailer");
            return trailer >= 0 && ENCRYPT.matcher(end.substring(trailer)).find();
        }
        int at = (int) offset;
        String head = latin1(file, at, Math.min(file.length, at + 16));
        if (head.startsWith("xref")) {
            // A classic table: its trailer follows the rows, before this startxref.
            int end = startXrefAt > at ? startXrefAt : file.length;
            String section = latin1(file, at, end);
            int trailer = section.lastIndexOf("trailer");
            return trailer >= 0 && ENCRYPT.matcher(section.substring(trailer)).find();
        }
        // A cross-reference stream: its dictionary comes before the word "stream".
        String object = latin1(file, at, Math.min(file.length, at + DICTIONARY_WINDOW));
        int stream = object.indexOf("stream");
        return ENCRYPT.matcher(stream >= 0 ? object.substring(0, stream) : object).find();
    }

    /** The header may follow up to 1 KB of junk, which readers accept (ISO 32000-1, annex H). */
    static boolean isPdf(byte[] file) {
        String start = latin1(file, 0, Math.min(file.length, 1024));
        return start.contains("%PDF-");
    }

    private static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1);
    }
}
