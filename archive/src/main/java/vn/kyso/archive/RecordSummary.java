package vn.kyso.archive;

import java.time.Instant;
import java.time.LocalDate;
import vn.kyso.validation.Verdict;

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
        Verdict verdict,
        Instant ingestedAt,
        RecordState state) {
}
