package vn.kyso.signing.internal;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningTimings;
import vn.kyso.signing.spi.KeySigner;

/** A key on a PKCS#11 token, found by its label; each signature's time in the token goes to {@link SigningTimings}. */
final class Pkcs11KeySigner implements KeySigner {

    private final Pkcs11Token token;
    private final String label;
    private final SigningTimings timings;

    Pkcs11KeySigner(Pkcs11Token token, String label, SigningTimings timings) {
        this.token = token;
        this.label = label;
        this.timings = timings;
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
        long start = System.nanoTime();
        boolean ok = false;
        try {
            byte[] value = token.sign(label, data, jcaAlgorithm);
            ok = true;
            return value;
        } finally {
            timings.waited(SigningTimings.Party.HSM, Duration.ofNanos(System.nanoTime() - start), ok);
        }
    }

    Pkcs11Token token() {
        return token;
    }

    String label() {
        return label;
    }
}
