package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/** Turns any failure of the time-stamp authority into TSA_UNAVAILABLE, which DSS passes through. */
final class GuardedTspSource implements TSPSource {

    private final TSPSource delegate;

    GuardedTspSource(TSPSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm digestAlgorithm, byte[] digest) {
        try {
            TimestampBinary result = delegate.getTimeStampResponse(digestAlgorithm, digest);
            if (result == null) {
                throw new IllegalStateException("no time-stamp token in the response");
            }
            return result;
        } catch (RuntimeException e) {
            throw new SigningException(SigningError.TSA_UNAVAILABLE,
                    "the time-stamp authority did not answer; try again later", e);
        }
    }
}
