package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Two-step signing with a key the service never sees (USB token, mobile app, remote signing service):
 * step one fixes the signing time and hands out the data to sign, step two checks the returned value
 * against the certificate before embedding it. Between the steps the job waits in a bounded store.
 */
final class RemoteSigning {

    private final SigningJobs jobs;
    private final CertificateChecks certificates;
    private final PendingSignatures<Pending> pending;
    private final Supplier<Instant> clock;

    /** @param clock the facade's clock, truncated to the second as signing times are */
    RemoteSigning(SigningJobs jobs, CertificateChecks certificates, PendingSignatures<Pending> pending,
            Supplier<Instant> clock) {
        this.jobs = jobs;
        this.certificates = certificates;
        this.pending = pending;
        this.clock = clock;
    }

    PreparedSignature prepare(PrepareRequest request) {
        List<X509Certificate> chain = CertificateChecks.parseChain(request.certificateChain());
        KeyFamily family = certificates.familyOf(chain);
        CertificateChecks.checkFamily(family, request.options());
        Instant now = clock.get();
        CertificateChecks.checkValidity(chain.get(0), now);
        SigningJob job = jobs.document(request.document(), request.options(), chain, now, null);
        ToBeSigned toBeSigned = job.run(() -> job.dss().dataToSign());
        String algorithm = job.algorithmFor(chain.get(0)).getJCEId();
        var ticket = pending.put(new Pending(job, toBeSigned, chain.get(0)), request.document().content().length);
        return new PreparedSignature(ticket.id(), toBeSigned.getBytes(), algorithm, now, ticket.expiresAt());
    }

    SignedDocument complete(CompleteRequest request) {
        Pending p = pending.take(request.id());
        SignatureAlgorithm algorithm = p.job().algorithmFor(p.certificate());
        byte[] raw = EcdsaValues.toDer(request.signatureValue(), algorithm);
        if (!verifies(p.certificate(), algorithm.getJCEId(), p.toBeSigned().getBytes(), raw)) {
            throw new SigningException(SigningError.SIGNATURE_VALUE_INVALID,
                    "the signature value does not verify with the signer's certificate over the prepared data");
        }
        return p.job().finish(new SignatureValue(algorithm, raw), null);
    }

    private static boolean verifies(X509Certificate cert, String algorithm, byte[] data, byte[] value) {
        try {
            Signature s = JcaSignatures.forSigning(algorithm, null);
            s.initVerify(cert.getPublicKey());
            s.update(data);
            return s.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A prepared remote signature waiting for its value. */
    record Pending(SigningJob job, ToBeSigned toBeSigned, X509Certificate certificate) {
    }
}
