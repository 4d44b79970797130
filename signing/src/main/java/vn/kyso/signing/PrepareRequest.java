package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * Step one of remote signing.
 *
 * @param certificateChain DER certificates: the signer's first, then its issuers
 * @param caller           who prepares it (the authenticated user), or null when not known; only the same
 *                         caller may complete it
 */
public record PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options,
        String caller) {

    /** A request whose caller is not known (library use): any caller without a name may complete it. */
    public PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options) {
        this(document, certificateChain, options, null);
    }

    public PrepareRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(options, "options");
        certificateChain = List.copyOf(Objects.requireNonNull(certificateChain, "certificateChain"));
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is required");
        }
    }
}
