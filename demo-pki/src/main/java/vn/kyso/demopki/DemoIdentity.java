package vn.kyso.demopki;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import vn.kyso.core.KeyFamily;

/**
 * One signer of the demo PKI: a person or an organisation with a certificate and, unless
 * {@code inToken} is false, a private key in the family's SoftHSM2 token.
 *
 * @param alias           ASCII identifier, also the SunPKCS11 alias and PKCS#11 label of the key
 * @param displayName     the name with full Vietnamese diacritics, as in the certificate's CN
 * @param organisation    the organisation the holder belongs to (for an organisation: itself)
 * @param tokenLabel      the label of the token holding the key
 * @param keyLabel        the label of the key and certificate objects on the token
 * @param keyAlgorithm    "RSA-2048" or "EC-P256"
 * @param appearanceImage PNG of a handwritten signature (person) or a red seal (organisation)
 * @param chain           end-entity, issuing CA, root
 * @param inToken         false for the key that is only available in software (remote signing)
 */
public record DemoIdentity(
        String alias,
        KeyFamily family,
        Holder holder,
        String displayName,
        String organisation,
        String tokenLabel,
        String keyLabel,
        String keyAlgorithm,
        Path appearanceImage,
        X509Certificate certificate,
        List<X509Certificate> chain,
        boolean inToken) {

    /** Who a certificate is issued to. */
    public enum Holder { PERSON, ORGANISATION }

    public DemoIdentity {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(family, "family of " + alias);
        Objects.requireNonNull(holder, "holder of " + alias);
        Objects.requireNonNull(displayName, "displayName of " + alias);
        Objects.requireNonNull(organisation, "organisation of " + alias);
        Objects.requireNonNull(tokenLabel, "tokenLabel of " + alias);
        Objects.requireNonNull(keyLabel, "keyLabel of " + alias);
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm of " + alias);
        Objects.requireNonNull(appearanceImage, "appearanceImage of " + alias);
        Objects.requireNonNull(certificate, "certificate of " + alias);
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("chain of " + alias + " must start with its certificate");
        }
    }
}
