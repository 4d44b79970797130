package vn.kyso.validation;

/** The outcome for one signature, or for the whole document. */
public enum Verdict {
    /** TOTAL-PASSED: genuine, unchanged, by a trusted signer. */
    VALID,
    /** TOTAL-FAILED: forged, changed after signing, or by a revoked or untrusted certificate. */
    INVALID,
    /** INDETERMINATE: not enough evidence to decide (for example revocation unreachable offline). */
    INDETERMINATE,
    /** The document carries no signature. */
    UNSIGNED
}
