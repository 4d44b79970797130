package vn.kyso.archive.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for matching with or without diacritics: "Quyết định" and "quyet dinh" fold
 * alike. Done here rather than with PostgreSQL's unaccent extension so that queries and the index
 * use the very same rules and any PostgreSQL (managed ones included) will do.
 */
final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private VietnameseText() {
    }

    /** Lower case, no tone or vowel marks, đ → d; punctuation becomes spaces. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        // đ/Đ is a letter of its own, not d with a combining mark, so NFD leaves it alone.
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Folds a web-search style query ("exact phrase", -excluded, or) the same way, keeping the
     * quotes and minus signs that websearch_to_tsquery reads.
     */
    static String foldQuery(String query) {
        String s = query.replace('đ', 'd').replace('Đ', 'D');
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\"\\-\\s]+", " ");
        // Only a minus that starts a word excludes it; inside a word (TB-UBND) it separates like in the index.
        return s.replaceAll("(?<=[\\p{L}\\p{N}])-", " ").strip();
    }

    /** Lower case with the diacritics kept (NFC), punctuation as spaces: for ranking exact matches higher. */
    static String exact(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /** Whether the query carries any diacritic, i.e. the user typed it with marks. */
    static boolean hasDiacritics(String text) {
        return text != null && !fold(text).equals(exact(text));
    }
}
