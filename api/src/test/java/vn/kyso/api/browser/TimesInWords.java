package vn.kyso.api.browser;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pages make of an ISO instant inside a text from the API (Kyso.textWithTimes in kyso.js): the same
 * sentence with each instant in words, in Vietnam time. Written out here, not taken from the page, so a
 * changed format fails the tests that compare.
 */
final class TimesInWords {

    private static final Pattern ISO_INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private TimesInWords() {
    }

    static String of(String text, String lang) {
        Matcher m = ISO_INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            ZonedDateTime t = OffsetDateTime.parse(m.group()).atZoneSameInstant(VIETNAM);
            String clock = String.format("%02d:%02d", t.getHour(), t.getMinute());
            String words = "en".equals(lang)
                    ? t.getDayOfMonth() + " " + MONTHS[t.getMonthValue() - 1] + " " + t.getYear() + ", " + clock
                            + " (Vietnam time)"
                    : "ngày " + t.getDayOfMonth() + " tháng " + t.getMonthValue() + " năm " + t.getYear() + ", "
                            + clock + " (giờ Việt Nam)";
            m.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }
}
