package vn.kyso.api.metrics;

import java.util.List;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.FilledIn;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningService;

/**
 * Counts and times every signature the service makes or refuses ({@code kyso.signatures},
 * {@code kyso.signature.duration}): HSM signatures, batch items, containers and completed remote
 * signatures. Everything else passes through untouched.
 */
final class MeteredSigningService implements SigningService, AutoCloseable {

    private final SigningService delegate;
    private final KysoMeters meters;

    MeteredSigningService(SigningService delegate, KysoMeters meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public SignedDocument sign(SignRequest request) {
        long start = System.nanoTime();
        try {
            SignedDocument signed = delegate.sign(request);
            meters.signature(KysoMeters.tag(signed.format()), KysoMeters.tag(signed.level()), KysoMeters.OK,
                    System.nanoTime() - start);
            return signed;
        } catch (RuntimeException e) {
            meters.signature(KysoMeters.tag(request.options().format()), KysoMeters.tag(request.options().level()),
                    KysoMeters.outcome(e), System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public List<BatchItemResult> signBatch(List<SignRequest> requests) {
        long start = System.nanoTime();
        List<BatchItemResult> results = delegate.signBatch(requests);
        // One batch's time shared by its items: what each item cost on average.
        long each = results.isEmpty() ? 0 : (System.nanoTime() - start) / results.size();
        for (BatchItemResult r : results) {
            if (r.succeeded()) {
                meters.signature(KysoMeters.tag(r.signed().format()), KysoMeters.tag(r.signed().level()),
                        KysoMeters.OK, each);
            } else {
                var options = requests.get(r.index()).options();
                meters.signature(KysoMeters.tag(options.format()), KysoMeters.tag(options.level()),
                        r.failure().code(), each);
            }
        }
        return results;
    }

    @Override
    public SignedDocument signContainer(ContainerRequest request) {
        long start = System.nanoTime();
        try {
            SignedDocument signed = delegate.signContainer(request);
            meters.signature(KysoMeters.tag(signed.format()), KysoMeters.tag(signed.level()), KysoMeters.OK,
                    System.nanoTime() - start);
            return signed;
        } catch (RuntimeException e) {
            meters.signature(KysoMeters.tag(request.format()), KysoMeters.tag(request.level()),
                    KysoMeters.outcome(e), System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public SignedDocument complete(CompleteRequest request) {
        long start = System.nanoTime();
        try {
            SignedDocument signed = delegate.complete(request);
            meters.signature(KysoMeters.tag(signed.format()), KysoMeters.tag(signed.level()), KysoMeters.OK,
                    System.nanoTime() - start);
            return signed;
        } catch (RuntimeException e) {
            // The prepared signature's format is not known here without asking the store again.
            meters.signature("remote", "remote", KysoMeters.outcome(e), System.nanoTime() - start);
            throw e;
        }
    }

    @Override
    public List<KeyInfo> keys() {
        return delegate.keys();
    }

    @Override
    public QrStamped stampQrCode(QrStampRequest request) {
        return delegate.stampQrCode(request);
    }

    @Override
    public Document prepareFillIn(Document draft) {
        return delegate.prepareFillIn(draft);
    }

    @Override
    public FilledIn fillIn(FillInRequest request) {
        return delegate.fillIn(request);
    }

    @Override
    public SignedDocument augment(AugmentRequest request) {
        return delegate.augment(request);
    }

    @Override
    public PreparedSignature prepare(PrepareRequest request) {
        return delegate.prepare(request);
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
