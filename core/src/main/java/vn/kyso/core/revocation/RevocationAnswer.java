package vn.kyso.core.revocation;

import java.time.Instant;
import java.util.Objects;

/**
 * What a responder answered for one certificate: the engine's token (opaque here) with the two times
 * that decide reuse, or a failure ({@code token == null}) remembered for a short while.
 *
 * @param token      the engine's revocation token, or null when the responder gave no usable answer
 * @param thisUpdate when the answer was issued (OCSP thisUpdate, CRL thisUpdate); null for a failure
 * @param nextUpdate when the issuer promises newer information; null if it promises nothing
 * @param <T>        the engine's token type
 */
public record RevocationAnswer<T>(T token, Instant thisUpdate, Instant nextUpdate) {

    public RevocationAnswer {
        if (token != null) {
            Objects.requireNonNull(thisUpdate, "an answer needs its thisUpdate");
        }
    }

    /** No answer: the responder failed, timed out or knew nothing of the certificate. */
    public static <T> RevocationAnswer<T> none() {
        return new RevocationAnswer<>(null, null, null);
    }

    public boolean failed() {
        return token == null;
    }

    /** Issued strictly after {@code instant}, as EN 319 102-1 and DSS want for a best-signature-time. */
    boolean issuedAfter(Instant instant) {
        return instant == null || (thisUpdate != null && thisUpdate.isAfter(instant));
    }
}
