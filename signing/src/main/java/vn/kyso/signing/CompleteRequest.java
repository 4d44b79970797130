package vn.kyso.signing;

import java.util.Objects;

/**
 * Step two of remote signing.
 *
 * @param signatureValue the raw signature over {@link PreparedSignature#dataToSign()}: PKCS#1 v1.5 for
 *                       RSA, DER or plain (r||s) for ECDSA
 */
public record CompleteRequest(String id, byte[] signatureValue) {

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
