package vn.kyso.signing.spi;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key that signs but is never handed out: an HSM key behind PKCS#11 (the service's own keys),
 * or a key the service does not hold (a USB token answering through a desktop agent, a remote signing
 * service, a software key), passed to {@link vn.kyso.signing.SigningService#signWith}. Implementations
 * are thread-safe.
 */
public interface KeySigner {

    /** The signer's certificate first, then its issuers up to (not necessarily including) the root. */
    List<X509Certificate> certificateChain();

    /**
     * Signs {@code data} (not a digest) with a JCA algorithm such as {@code SHA256withRSA} or
     * {@code SHA256withECDSA} (DER-encoded ECDSA value).
     *
     * @throws vn.kyso.signing.SigningException HSM_UNAVAILABLE or HSM_LOGIN_FAILED when the device fails
     */
    byte[] sign(byte[] data, String jcaAlgorithm);
}
