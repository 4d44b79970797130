package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * Step one of remote signing.
 *
 * @param certificateChain DER certificates: the signer's first, then its issuers
 * @param caller           who prepares it (the authenticated user), or null when not known; only the same
 *                         caller may complete it
 * @param signatureImage   the signer's own signature image (PNG, transparent background, blue ink) for a
 *                         visible PERSON signature, as an HSM key's configured image is; null for none
 */
public record PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options,
        String caller, byte[] signatureImage) {

    /** Remote signing needs no more to show the signer's signature; a bound for what waits between the steps. */
    public static final int MAX_SIGNATURE_IMAGE_BYTES = 512 * 1024;

    /** A request whose caller is not known (library use): any caller without a name may complete it. */
    public PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options) {
        this(document, certificateChain, options, null, null);
    }

    /** A request without a signature image. */
    public PrepareRequest(Document document, List<byte[]> certificateChain, SignOptions options, String caller) {
        this(document, certificateChain, options, caller, null);
    }

    public PrepareRequest {
        signatureImage = signatureImage == null || signatureImage.length == 0 ? null : signatureImage.clone();
        if (signatureImage != null && signatureImage.length > MAX_SIGNATURE_IMAGE_BYTES) {
            throw new SigningException(SigningError.APPEARANCE_INVALID, "the signature image is larger than "
                    + MAX_SIGNATURE_IMAGE_BYTES / 1024 + " KiB");
        }
        if (signatureImage != null && options != null && options.appearance() != Appearance.PERSON) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "a signature image is shown by the PERSON appearance only");
        }
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(options, "options");
        certificateChain = List.copyOf(Objects.requireNonNull(certificateChain, "certificateChain"));
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the signer's certificate is required");
        }
    }

    @Override
    public byte[] signatureImage() {
        return signatureImage == null ? null : signatureImage.clone();
    }
}
