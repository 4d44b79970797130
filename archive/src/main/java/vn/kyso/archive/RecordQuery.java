package vn.kyso.archive;

import java.time.LocalDate;

/**
 * A catalogue search. Every field is optional; {@code page} counts from 0.
 *
 * @param text         words to find in the subject, number, issuer, signer, keywords and full text,
 *                     with or without diacritics; quoted phrases and {@code -word} work as in web search
 * @param fondCode     exact fond code
 * @param fileCode     exact file code
 * @param documentType exact document type (case-insensitive)
 * @param issuer       words of the issuer's name
 * @param from         documents dated on or after
 * @param to           documents dated on or before
 * @param verdict      VALID, INVALID, INDETERMINATE or UNSIGNED
 */
public record RecordQuery(String text, String fondCode, String fileCode, String documentType, String issuer,
        LocalDate from, LocalDate to, String verdict, int page, int size) {

    public static final int MAX_SIZE = 100;

    public RecordQuery {
        if (page < 0) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "size is between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "'from' is after 'to'");
        }
        if (text != null && text.length() > 500) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "the search text is longer than 500 characters");
        }
        if (verdict != null && !verdict.isBlank()
                && !java.util.Set.of("VALID", "INVALID", "INDETERMINATE", "UNSIGNED").contains(verdict)) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY,
                    "verdict is one of VALID, INVALID, INDETERMINATE, UNSIGNED");
        }
    }

    public static RecordQuery text(String text) {
        return new RecordQuery(text, null, null, null, null, null, null, null, 0, 20);
    }
}
