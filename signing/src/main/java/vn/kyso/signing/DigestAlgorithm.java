package vn.kyso.signing;

/** Digest algorithms accepted for signatures; SHA-1 and MD5 are deliberately absent. */
public enum DigestAlgorithm {
    SHA256, SHA384, SHA512
}
