package vn.kyso.core.revocation;

import java.util.Objects;

/**
 * Which answer: the kind of source (OCSP or CRL, which answer with different token types) and the
 * certificate with its issuer, by the engine's stable identifiers.
 */
public record RevocationKey(Kind kind, String certificateId, String issuerId) {

    /** The two kinds of revocation source. */
    public enum Kind { OCSP, CRL }

    public RevocationKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(certificateId, "certificateId");
        issuerId = Objects.requireNonNullElse(issuerId, "");
    }
}
