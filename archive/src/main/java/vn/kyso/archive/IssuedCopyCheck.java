package vn.kyso.archive;

/**
 * How a citizen's copy compares with the archived original named by a QR code.
 *
 * @param match  the outcome
 * @param record the archived record (public fields only for restricted records: null), or null
 */
public record IssuedCopyCheck(Match match, RecordSummary record) {

    public enum Match {
        /** Byte for byte the archived original (or its archived long-term copy). */
        IDENTICAL,
        /** The archived original followed by later incremental updates (e.g. more signatures). */
        EXTENDS_ORIGINAL,
        /** Not the archived document. */
        DIFFERENT,
        /** No archived record carries this identifier. */
        NOT_ARCHIVED
    }
}
