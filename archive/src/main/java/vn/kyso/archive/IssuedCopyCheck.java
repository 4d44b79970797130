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
        /**
         * The archived original, unchanged, followed by incremental updates that a later signature's byte
         * range covers to the end of the file (more signatures, an archive time-stamp).
         */
        EXTENDS_ORIGINAL,
        /** Not the archived document, nor a signed later revision of it. */
        DIFFERENT,
        /** No archived record carries this identifier. */
        NOT_ARCHIVED
    }
}
