package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.model.x509.revocation.Revocation;
import eu.europa.esig.dss.spi.x509.revocation.RevocationSource;
import eu.europa.esig.dss.spi.x509.revocation.RevocationToken;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.time.Duration;
import vn.kyso.signing.SigningTimings;

/**
 * DSS sources that report each request's time to {@link SigningTimings}: placed right above the network
 * (below the revocation cache), so only requests that went out are timed.
 */
final class TimedSources {

    private TimedSources() {
    }

    static TSPSource tsa(TSPSource delegate, SigningTimings timings) {
        return new Tsa(delegate, timings);
    }

    static <R extends Revocation> RevocationSource<R> revocation(RevocationSource<R> delegate,
            SigningTimings.Party party, SigningTimings timings) {
        return new Revocations<>(delegate, party, timings);
    }

    private record Tsa(TSPSource delegate, SigningTimings timings) implements TSPSource {
        private static final long serialVersionUID = 1L;

        @Override
        public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
            long start = System.nanoTime();
            boolean ok = false;
            try {
                TimestampBinary token = delegate.getTimeStampResponse(digestAlgorithm, digest);
                ok = token != null;
                return token;
            } finally {
                timings.waited(SigningTimings.Party.TSA, Duration.ofNanos(System.nanoTime() - start), ok);
            }
        }
    }

    private record Revocations<R extends Revocation>(RevocationSource<R> delegate, SigningTimings.Party party,
            SigningTimings timings) implements RevocationSource<R> {
        private static final long serialVersionUID = 1L;

        @Override
        public RevocationToken<R> getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            long start = System.nanoTime();
            boolean ok = false;
            try {
                RevocationToken<R> token = delegate.getRevocationToken(certificate, issuer);
                ok = token != null;
                return token;
            } finally {
                timings.waited(party, Duration.ofNanos(System.nanoTime() - start), ok);
            }
        }
    }
}
