package vn.kyso.demopki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * Puts end-entity keys and their chains on a SoftHSM2 token through SunPKCS11, so that a SunPKCS11
 * key store shows each one as a private-key entry under its alias.
 *
 * <p>SunPKCS11 labels only the end-entity certificate (CKA_LABEL = CKA_ID = alias); the private key
 * gets CKA_ID = alias but no label, and CA certificates get neither. So that tools other than
 * SunPKCS11 find keys by label too, each key is imported through a provider whose import template
 * adds its CKA_LABEL; the same template makes keys sensitive and non-extractable, as on a real HSM.
 *
 * <p>No provider here logs out: PKCS#11 login state is shared by every session of the process, so a
 * logout would also log out other providers on the same token.
 */
final class TokenImporter {

    private final SoftHsm softHsm;

    TokenImporter(SoftHsm softHsm) {
        this.softHsm = softHsm;
    }

    void importKey(SoftHsm.TokenSlot token, char[] userPin, String alias, PrivateKey key,
                   List<X509Certificate> chain) {
        if (!alias.matches("[a-z][a-z0-9-]*")) {
            // The template below writes the label as hex of its bytes, which must not start with zero.
            throw new IllegalArgumentException("token aliases are lower-case ASCII: " + alias);
        }
        String template = "attributes(import, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_LABEL = 0h" + HexFormat.of().formatHex(alias.getBytes(StandardCharsets.US_ASCII)) + "\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
        Provider provider = softHsm.provider("kyso-import-" + alias, token.slotId(), template);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, userPin);
            keyStore.setEntry(alias, new KeyStore.PrivateKeyEntry(key, chain.toArray(new Certificate[0])), null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot import key " + alias + " into token " + token.label(), e);
        }
    }

    /** Reads the token back through a fresh provider: every alias must be a key with its full chain. */
    void verify(SoftHsm.TokenSlot token, char[] userPin, List<String> aliases) {
        Provider provider = softHsm.provider("kyso-verify-" + token.label(), token.slotId(), "");
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, userPin);
            for (String alias : aliases) {
                Certificate[] chain = keyStore.isKeyEntry(alias) ? keyStore.getCertificateChain(alias) : null;
                if (chain == null || chain.length != 3) {
                    throw new IllegalStateException("token " + token.label() + " lacks key " + alias
                            + " with a three-certificate chain");
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read back token " + token.label(), e);
        }
    }
}
