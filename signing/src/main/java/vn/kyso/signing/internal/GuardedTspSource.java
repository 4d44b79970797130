package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Turns any failure of the time-stamp authority into TSA_UNAVAILABLE, which DSS passes through, and
 * raises the thread's {@link FreshnessFloor} to each token's genTime: the revocation data DSS collects
 * next for the signature must be issued after it.
 */
final class GuardedTspSource implements TSPSource {

    private static final long serialVersionUID = 1L;

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
            FreshnessFloor.raiseTo(genTime(result.getBytes()).toInstant());
            return result;
        } catch (RuntimeException e) {
            throw new SigningException(SigningError.TSA_UNAVAILABLE,
                    "the time-stamp authority did not answer; try again later", e);
        }
    }

    private static java.util.Date genTime(byte[] token) {
        try {
            return new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime();
        } catch (CMSException | TSPException | java.io.IOException e) {
            throw new IllegalStateException("the time-stamp token cannot be read", e);
        }
    }
}
