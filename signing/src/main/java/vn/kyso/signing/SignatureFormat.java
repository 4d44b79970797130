package vn.kyso.signing;

/** The AdES family of a signature. */
public enum SignatureFormat {
    /** PDF signatures, ETSI EN 319 142. */
    PADES,
    /** XML signatures, ETSI EN 319 132. */
    XADES,
    /** CMS signatures, ETSI EN 319 122; detached, for any file. */
    CADES,
    /** JSON signatures, ETSI TS 119 182. */
    JADES
}
