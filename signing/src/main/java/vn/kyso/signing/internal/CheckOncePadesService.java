package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.lang.ref.WeakReference;

/**
 * DSS's PAdES service, except that the signing certificate is checked once per signature, not twice.
 *
 * <p>DSS runs the same check ({@code assertSigningCertificateValid}: validity period and, where the
 * parameters ask, revocation, through a fresh validation context) in {@code getDataToSign} and again in
 * {@code signDocument}; it was 15–20 % of a B-B signature's CPU (JFR, eighth session). Both our paths
 * call the two on one thread, milliseconds apart, with one parameter object: the HSM path directly, and
 * remote completion after rebuilding the data to sign at completion time. So when {@code signDocument}
 * gets the very parameter object that {@code getDataToSign} checked on this thread, the second check is
 * the first one again and is skipped; any other call is checked as DSS does.
 */
final class CheckOncePadesService extends PAdESService {

    private static final long serialVersionUID = 1L;

    /** The parameters the last getDataToSign on this thread checked; weak, so a failed job is not kept. */
    private final transient ThreadLocal<WeakReference<AbstractSignatureParameters<?>>> checked = new ThreadLocal<>();

    CheckOncePadesService(CertificateVerifier verifier) {
        super(verifier);
    }

    @Override
    public ToBeSigned getDataToSign(DSSDocument document, PAdESSignatureParameters parameters) {
        checked.remove();
        return super.getDataToSign(document, parameters);
    }

    @Override
    public DSSDocument signDocument(DSSDocument document, PAdESSignatureParameters parameters,
            SignatureValue value) {
        try {
            return super.signDocument(document, parameters, value);
        } finally {
            checked.remove();
        }
    }

    @Override
    protected void assertSigningCertificateValid(AbstractSignatureParameters<?> parameters) {
        WeakReference<AbstractSignatureParameters<?>> last = checked.get();
        if (last != null && last.get() == parameters) {
            return;
        }
        super.assertSigningCertificateValid(parameters);
        checked.set(new WeakReference<>(parameters));
    }
}
