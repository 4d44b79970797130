package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * One signature in the making: DSS's two-phase job with what the result needs to be described. Both
 * the HSM path and the two-step path finish through here, so DSS failures are translated the same way.
 */
record SigningJob(DssJob dss, SignatureFormat format, SignatureLevel level, String name, String mediaType,
        Instant signingTime) {

    /** Kept under the facade's name, so log settings and dashboards written for it still apply. */
    private static final Logger log = LoggerFactory.getLogger(DssSigningService.class);

    /** The algorithm a key of {@code cert}'s type signs this job's digest with. */
    SignatureAlgorithm algorithmFor(X509Certificate cert) {
        EncryptionAlgorithm encryption = dss.parameters().getEncryptionAlgorithm() == EncryptionAlgorithm.RSASSA_PSS
                ? EncryptionAlgorithm.RSASSA_PSS : EncryptionAlgorithm.forKey(cert.getPublicKey());
        return SignatureAlgorithm.getAlgorithm(encryption, dss.parameters().getDigestAlgorithm());
    }

    /**
     * Makes the signature RSASSA-PSS (MGF1 over the job's digest, salt as long as the digest). Must come
     * before the data to sign is computed: the algorithm is itself signed (XAdES SignatureMethod, JAdES
     * "alg", CMS signature algorithm protection).
     */
    void usePss() {
        dss.parameters().setEncryptionAlgorithm(EncryptionAlgorithm.RSASSA_PSS);
    }

    /** Runs a DSS step, turning what DSS throws into our error codes. */
    <T> T run(Supplier<T> step) {
        try {
            return step.get();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            SigningException translated = DssErrors.translate(e, format.name());
            if (translated.error() == SigningError.SIGNING_FAILED) {
                log.error("signing failed", e);
            } else {
                log.info("signing refused: {} ({})", translated.error(), e.toString());
            }
            throw translated;
        }
    }

    /** Embeds the signature value and reads the signed document out. */
    SignedDocument finish(SignatureValue value, String keyId) {
        DSSDocument signed = run(() -> dss.sign(value));
        byte[] bytes;
        try (var in = signed.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SigningException(SigningError.SIGNING_FAILED, "the signed document could not be written", e);
        }
        return new SignedDocument(name, mediaType, bytes, format, level, keyId, signingTime);
    }
}
