package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * Step one of remote signing.
 *
 * @param certificateChain DER certificates: the signer's first, then its issuers
 */
public record PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options) {

    public PrepareRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(options, "options");
        certificateChain = List.copyOf(Objects.requireNonNull(certificateChain, "certificateChain"));
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is required");
        }
    }
}
