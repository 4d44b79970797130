package vn.kyso.signing.internal;

import eu.europa.esig.dss.model.SignatureValue;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import vn.kyso.core.ServiceLookupCache;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.core.revocation.RevocationCache;
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
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.SigningTimings;

/**
 * The signing facade on EU DSS: PKCS#11 keys for server-side signing, the caller's device for remote
 * signing. Build it once and share it; it is thread-safe and keeps its costly parts (DSS services,
 * revocation cache, PKCS#11 sessions) between requests. Each job has its own class, as DSS splits its
 * services: {@link SigningJobs} builds jobs, {@link CertificateChecks} checks the signer,
 * {@link Augmenter} extends, {@link RemoteSigning} runs the two-step flow; this class only wires them
 * and sets the per-call context (ServiceLoader cache, revocation freshness floor).
 */
public final class DssSigningService implements SigningService, AutoCloseable {

    private final Clock clock;
    private final KeyRegistry keys;
    private final DssToolkit dss;
    private final SigningJobs jobs;
    private final Augmenter augmenter;
    private final RemoteSigning remote;
    private final QrStamper qrStamper;
    private final NumberAndDateFiller filler;
    private final BatchSigning batch = new BatchSigning(new BatchSigning.Steps() {
        @Override
        public Instant now() {
            return DssSigningService.this.now();
        }

        @Override
        public SignedDocument sign(SignRequest request) {
            return signNow(request);
        }

        @Override
        public SignedDocument augment(AugmentRequest request) {
            return augmenter.augment(request);
        }
    });
    /** DSS looks its parts up with ServiceLoader on every signature; see ServiceLookupCache. */
    private final ServiceLookupCache lookups = ServiceLookupCache.of(DssSigningService.class);

    public DssSigningService(SigningSettings settings, Clock clock) {
        this(settings, clock, new RevocationCache(RevocationCache.Settings.defaults(settings.revocationCacheMaxAge()),
                clock));
    }

    /** @param revocations the revocation cache, shared with validation where both run in one process */
    public DssSigningService(SigningSettings settings, Clock clock, RevocationCache revocations) {
        this(settings, clock, revocations, () -> null);
    }

    /**
     * @param pendingDatabase the database prepared remote signatures wait in, so that several instances
     *                        (and restarts) share them; asked on first use, and when it gives null they
     *                        wait in this instance's memory (ADR 0015)
     */
    public DssSigningService(SigningSettings settings, Clock clock, RevocationCache revocations,
            Supplier<DataSource> pendingDatabase) {
        this(settings, clock, revocations, pendingDatabase, SigningTimings.NONE);
    }

    /** @param timings told how long each HSM, TSA, OCSP and CRL call took (the application's metrics) */
    public DssSigningService(SigningSettings settings, Clock clock, RevocationCache revocations,
            Supplier<DataSource> pendingDatabase, SigningTimings timings) {
        this.clock = Objects.requireNonNull(clock);
        Objects.requireNonNull(timings, "timings");
        this.keys = new KeyRegistry(settings.hsms(), clock, settings.loginBackoff(), timings);
        Decree30Layout layout = new Decree30Layout(settings.fontFile());
        this.dss = new DssToolkit(keys.allAnchors(), settings.tsaUrl(), settings.networkTimeout(), settings.fetch(),
                Objects.requireNonNull(revocations), Decree30Layout.objectFactory(), timings);
        this.jobs = new SigningJobs(dss, layout, settings.tsaUrl() != null);
        this.augmenter = new Augmenter(dss, jobs, this::now);
        this.remote = new RemoteSigning(jobs, new CertificateChecks(keys.anchors()),
                new LazyPendingStore(pendingDatabase, clock, settings.preparedTtl(), settings.maxPendingBytes()),
                this::now);
        this.qrStamper = new QrStamper(settings.fontFile());
        this.filler = new NumberAndDateFiller(settings.fontFile());
    }

    @Override
    public QrStamped stampQrCode(QrStampRequest request) {
        return qrStamper.stamp(request);
    }

    @Override
    public Document prepareFillIn(Document draft) {
        return filler.prepare(draft);
    }

    @Override
    public FilledIn fillIn(FillInRequest request) {
        return filler.fill(request);
    }

    @Override
    public List<KeyInfo> keys() {
        return keys.all().stream().map(KeyEntry::info).toList();
    }

    @Override
    public SignedDocument sign(SignRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> signNow(request)));
    }

    private SignedDocument signNow(SignRequest request) {
        KeyEntry key = keys.find(request.keyId());
        CertificateChecks.checkFamily(key.family(), request.options());
        Instant now = now();
        CertificateChecks.checkValidity(key.certificate(), now);
        SigningJob job = jobs.document(request.document(), request.options(), key.chain(), now, key);
        return signWithKey(key, job);
    }

    @Override
    public List<BatchItemResult> signBatch(List<SignRequest> requests) {
        return lookups.call(() -> batch.sign(requests));
    }

    @Override
    public SignedDocument augment(AugmentRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> augmenter.augment(request)));
    }

    @Override
    public SignedDocument signContainer(ContainerRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> signContainerNow(request)));
    }

    private SignedDocument signContainerNow(ContainerRequest request) {
        KeyEntry key = keys.find(request.keyId());
        Instant now = now();
        CertificateChecks.checkValidity(key.certificate(), now);
        return signWithKey(key, jobs.container(request, key.chain(), now));
    }

    /** The HSM path of DSS's two-phase contract: data to sign, the key signs, the value is embedded. */
    private static SignedDocument signWithKey(KeyEntry key, SigningJob job) {
        if (key.signsWithPss()) {
            job.usePss();
        }
        var algorithm = job.algorithmFor(key.certificate());
        byte[] value = key.signer().sign(job.dss().dataToSign().getBytes(), algorithm.getJCEId());
        return job.finish(new SignatureValue(algorithm, value), key.id());
    }

    @Override
    public PreparedSignature prepare(PrepareRequest request) {
        return lookups.call(() -> remote.prepare(request));
    }

    @Override
    public SignedDocument complete(CompleteRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> remote.complete(request)));
    }

    @Override
    public void close() {
        keys.close();
    }

    /** The outbound-fetch policy of every TSA, OCSP, CRL and CA-issuer fetch, for tests. */
    OutboundPolicy fetching() {
        return dss.fetching;
    }

    /** The revocation responses currently cached (for health and benchmarks). */
    public int cachedRevocationResponses() {
        return (int) dss.revocations.size();
    }

    KeyRegistry keyRegistry() {
        return keys;
    }

    private Instant now() {
        // PDF and XML signing times have a resolution of one second.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
