package vn.kyso.api.error;

import java.util.List;
import java.util.Locale;

/**
 * The language of a problem's {@code title} and {@code detail}: Vietnamese when the client's
 * Accept-Language prefers it to English, else English, which is what every client got before the header
 * was read (so a client that sends none sees no change).
 */
enum ProblemLanguage {
    VI("vi"),
    EN("en");

    private final String tag;

    ProblemLanguage(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }

    /** @param header the Accept-Language header, or null */
    static ProblemLanguage of(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // sorted by weight, highest first
        } catch (IllegalArgumentException e) {
            return EN; // a malformed header is no reason to fail the answer
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String primary = r.getRange().split("-", 2)[0];
            if (primary.equals(VI.tag)) {
                return VI;
            }
            if (primary.equals(EN.tag) || primary.equals("*")) {
                return EN;
            }
        }
        return EN;
    }
}
