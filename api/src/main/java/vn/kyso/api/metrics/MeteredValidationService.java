package vn.kyso.api.metrics;

import java.util.Optional;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;

/** Times every validation and counts each signature's verdict ({@code kyso.validation.verdicts}). */
final class MeteredValidationService implements ValidationService, AutoCloseable {

    private final ValidationService delegate;
    private final KysoMeters meters;

    MeteredValidationService(ValidationService delegate, KysoMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public ValidationResult validate(ValidationRequest request) {
        long start = System.nanoTime();
        ValidationResult result;
        try {
            result = delegate.validate(request);
        } catch (RuntimeException e) {
            meters.validation(KysoMeters.outcome(e), System.nanoTime() - start);
            throw e;
        }
        meters.validation(KysoMeters.OK, System.nanoTime() - start);
        for (SignatureReport s : result.report().signatures()) {
            meters.verdict(s.verdict().name());
        }
        return result;
    }

    @Override
    public Optional<SignedFile> signedRevision(SignedFile document, String signatureId) {
        return delegate.signedRevision(document, signatureId);
    }

    @Override
    public byte[] pdfReport(ValidationReport report, Language language) {
        return delegate.pdfReport(report, language);
    }

    @Override
    public void close() {
        if (delegate instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing " + delegate + " failed", e);
            }
        }
    }
}
