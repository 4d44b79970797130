package vn.kyso.archive;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the archive's RFC 4998 evidence records (ADR 0023).
 *
 * @param tsaUrl         the RFC 3161 time-stamp authority that stamps each hash tree once; null
 *                       disables evidence records (the job then refuses with EVIDENCE_UNAVAILABLE)
 * @param hash           the hash algorithm of new trees; records whose evidence uses another are
 *                       rehashed (hash-tree renewal)
 * @param treeSize       records per hash tree, so per time-stamp: a renewal of n records makes
 *                       ceil(n / treeSize) TSA calls, and a record's proof grows with log2(treeSize)
 * @param renewalMargin  how long before the TSA certificate of a record's newest archive time-stamp
 *                       expires the time-stamp is renewed
 * @param networkTimeout connect and read timeout of the TSA request
 */
public record EvidenceRecordSettings(String tsaUrl, EvidenceHash hash, int treeSize, Duration renewalMargin,
        Duration networkTimeout) {

    /** A TSA answers one request per tree; beyond this a tree's reduced trees outgrow what a reader expects. */
    public static final int MAX_TREE_SIZE = 1 << 20;

    public EvidenceRecordSettings {
        tsaUrl = tsaUrl == null || tsaUrl.isBlank() ? null : tsaUrl.strip();
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(renewalMargin, "renewalMargin");
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        if (treeSize < 1 || treeSize > MAX_TREE_SIZE) {
            throw new IllegalArgumentException("treeSize must be between 1 and " + MAX_TREE_SIZE);
        }
        if (renewalMargin.isNegative()) {
            throw new IllegalArgumentException("renewalMargin must not be negative");
        }
    }

    /** Evidence records off: no TSA. */
    public static EvidenceRecordSettings disabled() {
        return new EvidenceRecordSettings(null, EvidenceHash.SHA_256, 16_384, Duration.ofDays(365),
                Duration.ofSeconds(10));
    }

    /** The defaults with this TSA. */
    public static EvidenceRecordSettings of(String tsaUrl) {
        return disabled().withTsaUrl(tsaUrl);
    }

    public EvidenceRecordSettings withTsaUrl(String url) {
        return new EvidenceRecordSettings(url, hash, treeSize, renewalMargin, networkTimeout);
    }

    public EvidenceRecordSettings withHash(EvidenceHash other) {
        return new EvidenceRecordSettings(tsaUrl, other, treeSize, renewalMargin, networkTimeout);
    }

    public EvidenceRecordSettings withTreeSize(int size) {
        return new EvidenceRecordSettings(tsaUrl, hash, size, renewalMargin, networkTimeout);
    }

    public EvidenceRecordSettings withRenewalMargin(Duration margin) {
        return new EvidenceRecordSettings(tsaUrl, hash, treeSize, margin, networkTimeout);
    }
}
