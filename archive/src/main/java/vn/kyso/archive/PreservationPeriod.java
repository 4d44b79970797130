package vn.kyso.archive;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Thời hạn bảo quản: permanent ({@code years == null}) or a number of years counted from the end of
 * the year the document was dated, as archive periods are.
 */
public record PreservationPeriod(Integer years) {

    /** The fixed periods of the retention schedules; anything else is an unknown period. */
    public static final Set<Integer> ALLOWED_YEARS = Set.of(2, 5, 10, 15, 20, 25, 30, 50, 70);

    public PreservationPeriod {
        if (years != null && !ALLOWED_YEARS.contains(years)) {
            throw new IllegalArgumentException("unknown preservation period: " + years + " years");
        }
    }

    public static PreservationPeriod permanent() {
        return new PreservationPeriod(null);
    }

    public static PreservationPeriod ofYears(int years) {
        return new PreservationPeriod(years);
    }

    /**
     * Parses {@code permanent} / {@code vinh-vien} / {@code vĩnh viễn} or a number of years such as
     * {@code 10}, {@code 10y}, {@code 10 năm}.
     *
     * @throws IllegalArgumentException for anything else, with a message naming the allowed values
     */
    public static PreservationPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a preservation period is required");
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("permanent") || t.equals("vinh-vien") || t.equals("vĩnh viễn") || t.equals("vinh vien")) {
            return permanent();
        }
        String digits = t.replaceFirst("\\s*(y|years?|năm|nam)$", "");
        try {
            int years = Integer.parseInt(digits);
            if (!ALLOWED_YEARS.contains(years)) {
                throw new IllegalArgumentException(unknown(text));
            }
            return new PreservationPeriod(years);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(unknown(text));
        }
    }

    private static String unknown(String text) {
        return "unknown preservation period '" + text + "'; use 'permanent' or one of "
                + ALLOWED_YEARS.stream().sorted().toList() + " years";
    }

    public boolean isPermanent() {
        return years == null;
    }

    /** The first day disposal may be considered, or null for permanent records. */
    public LocalDate endsAfter(LocalDate documentDate) {
        return years == null ? null : LocalDate.of(documentDate.getYear() + years + 1, 1, 1);
    }

    /** {@code permanent} or the number of years, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return years == null ? "permanent" : String.valueOf(years);
    }
}
