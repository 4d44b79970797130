package vn.kyso.signing;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.kyso.signing.spi.KeySigner;

/**
 * Signs documents with keys that never leave a PKCS#11 HSM, or, in two steps, with a key held by the
 * caller (USB token, mobile signing). Implementations are thread-safe.
 */
public interface SigningService {

    /** The keys this service may sign with, across every configured HSM. */
    List<KeyInfo> keys();

    /** Signs one document with an HSM key. */
    SignedDocument sign(SignRequest request);

    /**
     * Signs several documents; one failure does not stop the others. The result has one item per
     * request, in order.
     */
    List<BatchItemResult> signBatch(List<SignRequest> requests);

    /**
     * Stamps a QR code linking to the verification page onto an unsigned PDF (results of administrative
     * procedures carry one). Stamp first, then sign the stamped document.
     */
    QrStamped stampQrCode(QrStampRequest request);

    /**
     * Before anyone signs a draft: puts an empty form field over each dotted placeholder of page one
     * ("Số: ....../TTr-UBND", "ngày ... tháng ... năm ..."), so that {@link #fillIn} later changes only
     * field values. Returns the draft unchanged when it has no placeholder, already has the fields, or is
     * already signed.
     */
    Document prepareFillIn(Document draft);

    /**
     * Writes the number and symbol and the date into a letter before the organisation signs: into the
     * draft's own form fields or those {@link #prepareFillIn} made, as text at the placeholder's size. An
     * incremental update that fills in fields only, so the authorised person's signature stays valid.
     */
    FilledIn fillIn(FillInRequest request);

    /**
     * Extends the signatures of a signed document to a long-term level (B-LTA for the archive), or
     * adds a fresh archive time-stamp to a document already at B-LTA. The existing signatures and the
     * signed bytes stay as they are; for PDFs the evidence is an incremental update.
     */
    SignedDocument augment(AugmentRequest request);

    /** Signs several files into one ASiC-E container. */
    SignedDocument signContainer(ContainerRequest request);

    /**
     * Step one of remote signing: fixes the signing time and returns the data the external device must
     * sign. The document is held until {@link PreparedSignature#expiresAt()}.
     */
    PreparedSignature prepare(PrepareRequest request);

    /** Step two of remote signing: embeds the external signature value into the prepared document. */
    SignedDocument complete(CompleteRequest request);

    /**
     * Signs with a key the service does not hold, behind any {@link KeySigner}: a USB token driven by a
     * desktop agent, a remote signing service, a software key. The signer goes through the two-step
     * flow, so its certificate gets the checks a prepared signature gets (trust anchor, family,
     * validity) and its value is verified before it is embedded; the service's own HSM keys are signed
     * with through {@link #sign(SignRequest)}. See docs/adr/0013-signing-by-job-key-signer-dss-errors.md.
     */
    default SignedDocument signWith(KeySigner signer, Document document, SignOptions options) {
        return signWith(signer, document, options, null);
    }

    /**
     * As {@link #signWith(KeySigner, Document, SignOptions)}, showing the signer's own signature image (PNG,
     * blue ink, transparent background) in a visible PERSON signature, placed as an HSM key's image is
     * (Decree 30: between the position title and the name).
     */
    default SignedDocument signWith(KeySigner signer, Document document, SignOptions options, byte[] signatureImage) {
        Objects.requireNonNull(signer, "signer");
        List<byte[]> chain = new ArrayList<>();
        for (X509Certificate c : signer.certificateChain()) {
            try {
                chain.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new SigningException(SigningError.CERTIFICATE_INVALID, "a certificate could not be encoded", e);
            }
        }
        PreparedSignature prepared = prepare(new PrepareRequest(document, chain, options, null, signatureImage));
        byte[] value = signer.sign(prepared.dataToSign(), prepared.signatureAlgorithm());
        return complete(new CompleteRequest(prepared.id(), value));
    }
}
