package vn.kyso.signing.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.spi.KeySigner;

/**
 * A key the service may sign with: its signer, family and the image its visible signatures show.
 *
 * @param appearanceImage PNG bytes, or null when the key has no image
 * @param configuredHolder the holder from configuration, or null to read it from the certificate
 * @param imageWidthMm    the configured real width of the image, or null to read it from the PNG
 */
record KeyEntry(String id, KeyFamily family, KeySigner signer, byte[] appearanceImage,
        KeyInfo.KeyHolder configuredHolder, Pkcs11Token token, Double imageWidthMm) {

    KeyEntry(String id, KeyFamily family, KeySigner signer, byte[] appearanceImage,
            KeyInfo.KeyHolder configuredHolder, Pkcs11Token token) {
        this(id, family, signer, appearanceImage, configuredHolder, token, null);
    }

    /** Whether this key's set signs with RSASSA-PSS (only tokens are configured with a scheme). */
    boolean signsWithPss() {
        return token != null && token.settings().rsaScheme() == vn.kyso.signing.RsaSignatureScheme.RSASSA_PSS
                && certificate().getPublicKey() instanceof java.security.interfaces.RSAPublicKey;
    }

    X509Certificate certificate() {
        return signer.certificateChain().get(0);
    }

    List<X509Certificate> chain() {
        return signer.certificateChain();
    }

    KeyInfo info() {
        if (token != null && !token.available()) {
            return new KeyInfo(id, family, configuredHolder, null, null, null, null, null, null, false);
        }
        X509Certificate cert = certificate();
        return new KeyInfo(id, family, holder(), subjectOf(cert), org.bouncycastle.asn1.x500.X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()).toString(),
                cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                algorithmOf(cert), true);
    }

    KeyInfo.KeyHolder holder() {
        if (configuredHolder != null) {
            return configuredHolder;
        }
        String cn = KeyEntryNames.attribute(certificate(), BCStyle.CN);
        return cn != null && cn.equals(KeyEntryNames.attribute(certificate(), BCStyle.O))
                ? KeyInfo.KeyHolder.ORGANISATION : KeyInfo.KeyHolder.PERSON;
    }

    static String subjectOf(X509Certificate cert) {
        // RFC 2253 escapes non-ASCII as hex in some JDK paths; BC renders UTF-8 names as they are.
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).toString();
    }

    static String algorithmOf(X509Certificate cert) {
        var key = cert.getPublicKey();
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return "EC-P" + bits;
        }
        return key.getAlgorithm();
    }
}
