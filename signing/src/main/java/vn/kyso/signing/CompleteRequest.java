package vn.kyso.signing;

import java.util.Objects;

/**
 * Step two of remote signing.
 *
 * @param signatureValue the raw signature over {@link PreparedSignature#dataToSign()}: PKCS#1 v1.5 for
 *                       RSA, DER or plain (r||s) for ECDSA
 * @param caller         who completes it; must be who prepared it (see {@link PrepareRequest#caller()})
 */
public record CompleteRequest(String id, byte[] signatureValue, String caller) {

    /** A request whose caller is not known (library use). */
    public CompleteRequest(String id, byte[] signatureValue) {
        this(id, signatureValue, null);
    }

    public CompleteRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        Objects.requireNonNull(signatureValue, "signatureValue");
        if (signatureValue.length == 0) {
            throw new IllegalArgumentException("signatureValue is empty");
        }
    }
}
