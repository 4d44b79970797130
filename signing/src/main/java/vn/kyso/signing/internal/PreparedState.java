package vn.kyso.signing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;

/**
 * What step one fixed, enough to rebuild the same signing job on any instance: the inputs, the signing
 * time, and the data handed out to sign (to prove the rebuilt job is the one the caller signed).
 *
 * @param caller         who prepared it, or null when the caller is not known (library use)
 * @param signatureImage the remote signer's own signature image, or null
 */
record PreparedState(String caller, Document document, List<byte[]> chain, SignOptions options,
        Instant signingTime, byte[] toBeSigned, byte[] signatureImage) {

    /** A state without a signature image. */
    PreparedState(String caller, Document document, List<byte[]> chain, SignOptions options, Instant signingTime,
            byte[] toBeSigned) {
        this(caller, document, chain, options, signingTime, toBeSigned, null);
    }

    PreparedState {
        Objects.requireNonNull(document);
        chain = List.copyOf(chain);
        Objects.requireNonNull(options);
        Objects.requireNonNull(signingTime);
        Objects.requireNonNull(toBeSigned);
    }

    /** Whether {@code other} may complete what this caller prepared. */
    boolean preparedBy(String other) {
        return Objects.equals(caller, other);
    }
}
