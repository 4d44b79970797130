package vn.kyso.archive;

/**
 * The hash algorithm of the archive's RFC 4998 evidence records. Changing the configured one makes the
 * next evidence-record job rehash every record under it (hash-tree renewal, RFC 4998 §5.2).
 */
public enum EvidenceHash {
    SHA_256("SHA-256"),
    SHA_384("SHA-384"),
    SHA_512("SHA-512"),
    SHA3_256("SHA3-256"),
    SHA3_512("SHA3-512");

    private final String jcaName;

    EvidenceHash(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The name the JCA (and BouncyCastle's algorithm finder) knows it by. */
    public String jcaName() {
        return jcaName;
    }
}
