package vn.kyso.signing;

import java.time.Duration;

/**
 * Told how long signing waited for each outside party, so that the application can publish latencies
 * (the api's Prometheus timers) without this module knowing any metrics library. Called on the signing
 * thread after each call, successful or not; implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface SigningTimings {

    /** Who was waited for. */
    enum Party {
        /** One signature value computed by a PKCS#11 key. */
        HSM,
        /** One RFC 3161 time-stamp request. */
        TSA,
        /** One OCSP request that went out (answers from the revocation cache are not counted). */
        OCSP,
        /** One CRL download that went out. */
        CRL
    }

    /** Nobody listens. */
    SigningTimings NONE = (party, duration, ok) -> { };

    /**
     * @param ok false when the party failed or did not answer
     */
    void waited(Party party, Duration duration, boolean ok);
}
