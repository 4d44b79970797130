package vn.kyso.archive;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the archive service.
 *
 * @param maxDocumentSize         the largest document ingest accepts, in bytes
 * @param renewalMargin           how long before the newest archive time-stamp's certificate expires
 *                                the evidence is renewed
 * @param maxEvidenceAge          renew at the latest this long after the newest archive time-stamp, so
 *                                a weakening algorithm is replaced in time even if certificates live long
 * @param recoveryGrace           how old an unfinished ingest must be before recovery finishes or rolls
 *                                it back (younger ones may still be running)
 * @param permanentRetentionYears object-lock retention set on permanent records, extended by renewal
 * @param jobStaleAfter           a running job without a heartbeat for this long is taken as crashed
 */
public record ArchiveSettings(long maxDocumentSize, Duration renewalMargin, Duration maxEvidenceAge,
        Duration recoveryGrace, int permanentRetentionYears, Duration jobStaleAfter) {

    public ArchiveSettings {
        if (maxDocumentSize <= 0) {
            throw new IllegalArgumentException("maxDocumentSize must be positive");
        }
        Objects.requireNonNull(renewalMargin, "renewalMargin");
        Objects.requireNonNull(maxEvidenceAge, "maxEvidenceAge");
        Objects.requireNonNull(recoveryGrace, "recoveryGrace");
        Objects.requireNonNull(jobStaleAfter, "jobStaleAfter");
        if (permanentRetentionYears < 1) {
            throw new IllegalArgumentException("permanentRetentionYears must be at least 1");
        }
    }

    public static ArchiveSettings defaults() {
        return new ArchiveSettings(50L * 1024 * 1024, Duration.ofDays(365), Duration.ofDays(5 * 365),
                Duration.ofMinutes(10), 100, Duration.ofMinutes(2));
    }

    public ArchiveSettings withRecoveryGrace(Duration grace) {
        return new ArchiveSettings(maxDocumentSize, renewalMargin, maxEvidenceAge, grace, permanentRetentionYears,
                jobStaleAfter);
    }
}
