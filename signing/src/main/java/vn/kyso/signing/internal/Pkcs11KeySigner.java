package vn.kyso.signing.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.spi.KeySigner;

/** A key on a PKCS#11 token, found by its label. */
final class Pkcs11KeySigner implements KeySigner {

    private final Pkcs11Token token;
    private final String label;

    Pkcs11KeySigner(Pkcs11Token token, String label) {
        this.token = token;
        this.label = label;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        List<X509Certificate> chain = token.entries().get(label);
        if (chain == null) {
            throw new SigningException(SigningError.KEY_NOT_FOUND,
                    "no key labelled '" + label + "' on HSM '" + token.settings().name() + "'");
        }
        return chain;
    }

    @Override
    public byte[] sign(byte[] data, String jcaAlgorithm) {
        return token.sign(label, data, jcaAlgorithm);
    }

    Pkcs11Token token() {
        return token;
    }

    String label() {
        return label;
    }
}
