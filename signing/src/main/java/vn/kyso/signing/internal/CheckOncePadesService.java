package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.signature.AbstractSignatureParameters;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.lang.ref.WeakReference;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DSS's PAdES service, except that the signing certificate is checked once per signature, not twice.
 *
 * <p>DSS runs the same check ({@code assertSigningCertificateValid}: validity period and, where the
 * parameters ask, revocation, through a fresh validation context) in {@code getDataToSign} and again in
 * {@code signDocument}; it was 15–20 % of a B-B signature's CPU (JFR, eighth session). Both our paths
 * call the two on one thread, milliseconds apart, with one parameter object: the HSM path directly, and
 * remote completion after rebuilding the data to sign at completion time. So when {@code signDocument}
 * gets the very parameter object that {@code getDataToSign} checked on this thread, still naming the same
 * signing certificate and signing date, the second check is the first one again and is skipped; any other
 * call is checked as DSS does.
 */
final class CheckOncePadesService extends PAdESService {

    private static final long serialVersionUID = 1L;

    /** What the last getDataToSign on this thread checked; the parameters weakly, so a failed job is not kept. */
    private final transient ThreadLocal<Checked> checked = new ThreadLocal<>();
    private final transient AtomicInteger checksRun = new AtomicInteger();

    private record Checked(WeakReference<AbstractSignatureParameters<?>> parameters, CertificateToken certificate,
            Date signingDate) {

        static Checked of(AbstractSignatureParameters<?> p) {
            return new Checked(new WeakReference<>(p), p.getSigningCertificate(), p.bLevel().getSigningDate());
        }

        boolean same(AbstractSignatureParameters<?> p) {
            return parameters.get() == p && Objects.equals(certificate, p.getSigningCertificate())
                    && Objects.equals(signingDate, p.bLevel().getSigningDate());
        }
    }

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
        Checked last = checked.get();
        if (last != null && last.same(parameters)) {
            return;
        }
        checksRun.incrementAndGet();
        super.assertSigningCertificateValid(parameters);
        checked.set(Checked.of(parameters));
    }

    /** Checks DSS ran through this service (for tests). */
    int checksRun() {
        return checksRun.get();
    }
}
