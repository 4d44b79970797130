package vn.kyso.archive;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages a document or a file (hồ sơ) may be recorded in (Appendix VI field {@code Language}):
 * the ISO 639-1 code the API has always taken, and the Vietnamese name the archive inventory shows.
 * A clerk may send either.
 */
public final class Languages {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("vi", "Tiếng Việt");
        NAMES.put("en", "Tiếng Anh");
        NAMES.put("fr", "Tiếng Pháp");
        NAMES.put("zh", "Tiếng Trung");
        NAMES.put("ru", "Tiếng Nga");
        NAMES.put("de", "Tiếng Đức");
        NAMES.put("ja", "Tiếng Nhật");
        NAMES.put("ko", "Tiếng Hàn");
        NAMES.put("lo", "Tiếng Lào");
        NAMES.put("km", "Tiếng Khmer");
        NAMES.put("th", "Tiếng Thái");
        NAMES.put("es", "Tiếng Tây Ban Nha");
    }

    private Languages() {
    }

    /** Every ISO 639-1 code on the list. */
    public static List<String> codes() {
        return List.copyOf(NAMES.keySet());
    }

    /** The Vietnamese name of a listed code, e.g. {@code Tiếng Việt} for {@code vi}. */
    public static Optional<String> nameVi(String code) {
        return Optional.ofNullable(code == null ? null : NAMES.get(code.strip().toLowerCase(Locale.ROOT)));
    }

    /** The code of {@code vi}, {@code Tiếng Việt} or {@code tieng viet}; empty for a language not on the list. */
    public static Optional<String> code(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = fold(text);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            if (e.getKey().equals(t) || fold(e.getValue()).equals(t)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        String d = Normalizer.normalize(s.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd');
        return d.replaceAll("\\s+", " ");
    }
}
