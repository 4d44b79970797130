package vn.kyso.validation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Names of container entries as people wrote them. The UTF-8 flag (bit 11) says UTF-8; without it the
 * ZIP specification says IBM code page 437, but Vietnamese tools wrote Windows-1258 or TCVN3 (TCVN
 * 5712:1993, the ".Vn" fonts' encoding), and many modern tools write UTF-8 without setting the flag. A
 * name that is valid UTF-8 is read as UTF-8; otherwise the legacy code page whose reading has the most
 * Vietnamese letters wins, CP437 when none has any.
 */
final class EntryNames {

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset CP1258 = Charset.forName("windows-1258");
    /** Letters only Vietnamese uses, precomposed (after NFC) — what a right guess produces. */
    private static final String VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữự"
            + "ỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";

    /**
     * TCVN3's 0xA0–0xFF; below 0x80 it is ASCII. The JDK has no TCVN charset: generated from glibc's iconv
     * {@code TCVN5712-1} one byte at a time, which agrees with TCVN3 on these letters (0xA8 ă, 0xA9 â,
     * 0xAA ê, 0xAB ô, 0xAC ơ, 0xAD ư, 0xAE đ, tone-marked vowels from 0xB5).
     */
    private static final String TCVN3_HIGH =
            "\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110" // 0xA0
            + "\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0" // 0xA8
            + "\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3" // 0xB0
            + "\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4" // 0xB8
            + "\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7" // 0xC0
            + "\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD" // 0xC8
            + "\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC" // 0xD0
            + "\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2" // 0xD8
            + "\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7" // 0xE0
            + "\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9" // 0xE8
            + "\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF" // 0xF0
            + "\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0"; // 0xF8

    private EntryNames() {
    }

    static String decode(byte[] name, int flags) {
        if ((flags & ZipStructure.FLAG_UTF8) != 0) {
            return new String(name, StandardCharsets.UTF_8);
        }
        String utf8 = strictUtf8(name);
        if (utf8 != null) {
            return utf8;
        }
        String best = new String(name, CP437);
        long score = 0;
        for (String candidate : new String[] {new String(name, CP1258), tcvn3(name)}) {
            // a byte the code page does not define rules it out
            if (candidate == null || candidate.indexOf('\uFFFD') >= 0) {
                continue;
            }
            String composed = Normalizer.normalize(candidate, Normalizer.Form.NFC);
            long s = vietnamese(composed);
            if (s > score) {
                best = composed;
                score = s;
            }
        }
        return best;
    }

    /** TCVN3 (VN3) leaves 0x80–0x9F unused (its capitals with tones were in separate fonts): null if used. */
    static String tcvn3(byte[] name) {
        StringBuilder s = new StringBuilder(name.length);
        for (byte b : name) {
            int u = b & 0xff;
            if (u >= 0x80 && u < 0xA0) {
                return null;
            }
            s.append(u < 0x80 ? (char) u : TCVN3_HIGH.charAt(u - 0xA0));
        }
        return s.toString();
    }

    /**
     * Names an extracting tool could write outside its target directory, or that display as something
     * else: absolute paths, drive letters, backslashes, "." and ".." segments, control characters.
     */
    static boolean unsafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x202E || c == 0x200B);
    }

    private static String strictUtf8(byte[] name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long vietnamese(String s) {
        return s.chars().filter(c -> VIETNAMESE.indexOf(c) >= 0).count();
    }
}
