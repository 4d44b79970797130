package vn.kyso.validation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Names of container entries as people wrote them. The UTF-8 flag (bit 11) says UTF-8; without it the
 * ZIP specification says IBM code page 437, but Vietnamese tools wrote Windows-1258, and many modern
 * tools write UTF-8 without setting the flag. A name that is valid UTF-8 is read as UTF-8; otherwise the
 * legacy code page whose reading looks most like Vietnamese wins.
 */
final class EntryNames {

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Charset CP1258 = Charset.forName("windows-1258");
    /** Letters only Vietnamese uses, precomposed (after NFC) — what a right guess produces. */
    private static final String VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữự"
            + "ỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";

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
        String cp1258 = Normalizer.normalize(new String(name, CP1258), Normalizer.Form.NFC);
        String cp437 = new String(name, CP437);
        return vietnamese(cp1258) >= vietnamese(cp437) && vietnamese(cp1258) > 0 ? cp1258 : cp437;
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
