package vn.kyso.signing.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * What is checked about a signer's certificate before anything is signed: readable, within its
 * validity period, under a configured trust anchor, of the family the profile asks for. Revocation is
 * checked later, by DSS, at levels that embed revocation data.
 */
final class CertificateChecks {

    private final Map<KeyFamily, List<X509Certificate>> anchors;

    /** @param anchors the trust anchors of each key family */
    CertificateChecks(Map<KeyFamily, List<X509Certificate>> anchors) {
        this.anchors = anchors;
    }

    static void checkFamily(KeyFamily actual, SignOptions options) {
        if (options.requiredFamily() != null && options.requiredFamily() != actual) {
            throw new SigningException(SigningError.KEY_FAMILY_MISMATCH, "this profile needs a "
                    + options.requiredFamily().name().toLowerCase() + " key; the key is "
                    + (actual == null ? "of no configured family" : actual.name().toLowerCase()));
        }
    }

    static void checkValidity(X509Certificate cert, Instant now) {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new SigningException(SigningError.CERTIFICATE_EXPIRED,
                    "the signing certificate expired on " + cert.getNotAfter().toInstant());
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new SigningException(SigningError.CERTIFICATE_NOT_YET_VALID,
                    "the signing certificate is valid only from " + cert.getNotBefore().toInstant());
        }
    }

    /** The family of the trust anchor the chain leads to; a chain that leads to none is refused. */
    KeyFamily familyOf(List<X509Certificate> chain) {
        X509Certificate top = chain.get(chain.size() - 1);
        for (Map.Entry<KeyFamily, List<X509Certificate>> e : anchors.entrySet()) {
            for (X509Certificate anchor : e.getValue()) {
                if (anchor.equals(top) || issuedBy(top, anchor)) {
                    return e.getKey();
                }
            }
        }
        throw new SigningException(SigningError.CERTIFICATE_UNTRUSTED,
                "the signer's certificate chain does not lead to a configured trust anchor; include its issuing CA");
    }

    private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static List<X509Certificate> parseChain(List<byte[]> ders) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] der : ders) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
            return chain;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(SigningError.CERTIFICATE_INVALID, "a certificate could not be read", e);
        }
    }
}
