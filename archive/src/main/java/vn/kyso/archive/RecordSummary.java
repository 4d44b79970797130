package vn.kyso.archive;

import java.time.Instant;
import java.time.LocalDate;

/** One search hit: enough to list and open the record. */
public record RecordSummary(
        String id,
        String fondCode,
        String fileCode,
        String numberSymbol,
        LocalDate documentDate,
        String documentType,
        String issuer,
        String subject,
        String signer,
        AccessRegime accessRegime,
        String verdict,
        Instant ingestedAt,
        String state) {
}
