package vn.kyso.signing;

import java.time.Instant;

/**
 * What the external device must sign.
 *
 * @param id                  quote it in {@link CompleteRequest}
 * @param dataToSign          the bytes to sign (not a digest): the device hashes them with
 *                            {@code signatureAlgorithm}
 * @param signatureAlgorithm  JCA name, for example "SHA256withRSA" or "SHA256withECDSA"
 * @param signingTime         fixed now; the completed signature carries it
 * @param expiresAt           after this the prepared state is discarded
 */
public record PreparedSignature(String id, byte[] dataToSign, String signatureAlgorithm, Instant signingTime,
        Instant expiresAt) {
}
