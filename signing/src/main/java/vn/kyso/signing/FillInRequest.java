package vn.kyso.signing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The number and symbol and the date the clerk writes into a letter when issuing it, before the
 * organisation signs (Decree 30/2020/ND-CP, Art. 15 and Appendix I).
 *
 * @param document     the letter, a PDF; it may already carry the authorised person's signature
 * @param numberSymbol number and symbol, for example {@code 15/TTr-UBND}
 * @param documentDate the date of issue
 */
public record FillInRequest(Document document, String numberSymbol, LocalDate documentDate) {

    public FillInRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(documentDate, "documentDate");
        if (numberSymbol == null || numberSymbol.isBlank()) {
            throw new IllegalArgumentException("numberSymbol is required");
        }
        numberSymbol = numberSymbol.strip();
        if (numberSymbol.length() > 100) {
            throw new IllegalArgumentException("numberSymbol must be at most 100 characters");
        }
    }
}
