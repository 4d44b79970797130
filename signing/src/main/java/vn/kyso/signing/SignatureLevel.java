package vn.kyso.signing;

/** Baseline levels of ETSI EN 319 1x2: each adds evidence on top of the previous one. */
public enum SignatureLevel {
    /** Basic signature. */
    B_B,
    /** With a trusted time-stamp on the signature. */
    B_T,
    /** With the certificates and revocation data needed to validate it later. */
    B_LT,
    /** With an archive time-stamp that protects all of the above. */
    B_LTA
}
