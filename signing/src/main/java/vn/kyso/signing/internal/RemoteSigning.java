package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * against the certificate before embedding it. Between the steps only the inputs wait in a
 * {@link PendingStore}; step two rebuilds the job from them (DSS derives the PDF's id and the XML ids
 * from the signing time, so the rebuilt job yields the same data to sign on any instance, and this is
 * checked). A wrong value, or a failure while building the signature, leaves the prepared signature in
 * place for a retry.
 */
final class RemoteSigning {

    private final SigningJobs jobs;
    private final CertificateChecks certificates;
    private final PendingStore pending;
    private final Supplier<Instant> clock;

    /** @param clock the facade's clock, truncated to the second as signing times are */
    RemoteSigning(SigningJobs jobs, CertificateChecks certificates, PendingStore pending,
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
        byte[] image = request.signatureImage();
        SigningJob job = jobs.document(request.document(), request.options(), chain, now, null, image);
        ToBeSigned toBeSigned = job.run(() -> job.dss().dataToSign());
        String algorithm = job.algorithmFor(chain.get(0)).getJCEId();
        var state = new PreparedState(request.caller(), request.document(), request.certificateChain(),
                request.options(), now, toBeSigned.getBytes(), image);
        var ticket = pending.put(state, request.document().content().length + (image == null ? 0 : image.length));
        return new PreparedSignature(ticket.id(), toBeSigned.getBytes(), algorithm, now, ticket.expiresAt());
    }

    SignedDocument complete(CompleteRequest request) {
        PreparedState p = pending.get(request.id(), request.caller());
        List<X509Certificate> chain = CertificateChecks.parseChain(p.chain());
        X509Certificate certificate = chain.get(0);
        SigningJob job = jobs.document(p.document(), p.options(), chain, p.signingTime(), null, p.signatureImage());
        SignatureAlgorithm algorithm = job.algorithmFor(certificate);
        byte[] raw = EcdsaValues.toDer(request.signatureValue(), algorithm);
        if (!verifies(certificate, algorithm.getJCEId(), p.toBeSigned(), raw)) {
            throw new SigningException(SigningError.SIGNATURE_VALUE_INVALID,
                    "the signature value does not verify with the signer's certificate over the prepared data");
        }
        ToBeSigned rebuilt = job.run(() -> job.dss().dataToSign());
        if (!MessageDigest.isEqual(rebuilt.getBytes(), p.toBeSigned())) {
            // Never expected: it would mean the document service is not deterministic in the signing time.
            throw new SigningException(SigningError.SIGNING_FAILED,
                    "the prepared signature could not be rebuilt identically; prepare it again");
        }
        // Consumed only once the signature is built: a TSA or OCSP outage in finish() leaves it for a retry
        // with the same value. Two completions racing both build; the one that removes the row answers.
        SignedDocument signed = job.finish(new SignatureValue(algorithm, raw), null);
        if (!pending.remove(request.id())) {
            throw PendingSignatures.notFound();
        }
        return signed;
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
}
