package vn.kyso.signing;

/**
 * How the RSA keys of a key set sign. Circular 15/2025/TT-BKHCN (standards table, after Decree 30/2020
 * Appendix I) names RSA per PKCS#1 v2.1 with RSASSA-PSS for signing; PKCS#1 v1.5 stays the default because
 * most readers and older validators in use still expect it.
 */
public enum RsaSignatureScheme {
    /** RSASSA-PKCS1-v1_5 ({@code SHA256withRSA}). */
    PKCS1_V1_5,
    /** RSASSA-PSS with MGF1 over the same digest and a salt as long as the digest (32 bytes for SHA-256). */
    RSASSA_PSS
}
