package vn.kyso.signing.internal;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import vn.kyso.signing.SigningTimings;
import vn.kyso.signing.spi.KeySigner;

/** Reports each signature value's time in the HSM to {@link SigningTimings}. */
final class TimedKeySigner implements KeySigner {

    private final KeySigner delegate;
    private final SigningTimings timings;

    TimedKeySigner(KeySigner delegate, SigningTimings timings) {
        this.delegate = delegate;
        this.timings = timings;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return delegate.certificateChain();
    }

    @Override
    public byte[] sign(byte[] data, String jcaAlgorithm) {
        long start = System.nanoTime();
        boolean ok = false;
        try {
            byte[] value = delegate.sign(data, jcaAlgorithm);
            ok = true;
            return value;
        } finally {
            timings.waited(SigningTimings.Party.HSM, Duration.ofNanos(System.nanoTime() - start), ok);
        }
    }
}
