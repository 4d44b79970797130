package vn.kyso.signing.internal;

import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.ServiceLookupCache;
import vn.kyso.core.net.OutboundPolicy;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.JwsSerialization;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.FilledIn;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;
import vn.kyso.signing.SigningSettings;

/**
 * The signing facade on EU DSS: PKCS#11 keys for server-side signing, the caller's device for remote
 * signing. Build it once and share it; it is thread-safe and keeps its costly parts (DSS services,
 * revocation cache, PKCS#11 sessions) between requests.
 */
public final class DssSigningService implements SigningService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DssSigningService.class);

    private final Clock clock;
    private final KeyRegistry keys;
    private final DssToolkit dss;
    private final Decree30Layout layout;
    private final boolean timestamps;
    private final PendingSignatures<Pending> pending;
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
            return augmentNow(request);
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
        this.clock = Objects.requireNonNull(clock);
        this.keys = new KeyRegistry(settings.hsms(), clock, settings.loginBackoff());
        this.layout = new Decree30Layout(settings.fontFile());
        this.dss = new DssToolkit(keys.allAnchors(), settings.tsaUrl(), settings.networkTimeout(), settings.fetch(),
                Objects.requireNonNull(revocations), Decree30Layout.objectFactory());
        this.timestamps = settings.tsaUrl() != null;
        this.pending = new PendingSignatures<>(clock, settings.preparedTtl(), settings.maxPendingBytes());
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
        SignOptions options = request.options();
        checkFamily(key.family(), options);
        Instant now = now();
        checkValidity(key.certificate(), now);
        Job job = job(request.document(), options, key.chain(), now, key);
        SignatureValue value = signWithKey(key, job.dss().dataToSign(), job);
        return finish(job, value, key.id());
    }

    @Override
    public List<BatchItemResult> signBatch(List<SignRequest> requests) {
        return lookups.call(() -> batch.sign(requests));
    }

    @Override
    public SignedDocument augment(AugmentRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> augmentNow(request)));
    }

    @SuppressWarnings("try") // the budget is held for the call's duration; DSS's fetches draw on it, not this code
    private SignedDocument augmentNow(AugmentRequest request) {
        // the document names the certificates whose revocation data is fetched: one budget per request
        try (OutboundPolicy.Scope budget = dss.fetching.open()) {
            return augmentWithinBudget(request);
        }
    }

    private SignedDocument augmentWithinBudget(AugmentRequest request) {
        requireTimestampsFor(request.targetLevel());
        byte[] content = request.document().content();
        if (content.length == 0) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT, "the document is empty");
        }
        String name = request.document().name();
        DSSDocument doc = new InMemoryDocument(content, name);
        List<DSSDocument> detached = request.detachedContents().stream()
                .map(d -> (DSSDocument) new InMemoryDocument(d.content(), d.name())).toList();
        Augmentation a = switch (Augmentation.kindOf(content)) {
            case PDF -> new Augmentation(SignatureFormat.PADES, "application/pdf", () -> {
                var p = new eu.europa.esig.dss.pades.PAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.PADES, request.targetLevel()));
                return dss.pades.extendDocument(doc, p);
            });
            case XML -> new Augmentation(SignatureFormat.XADES, "application/xml", () -> {
                var p = new eu.europa.esig.dss.xades.XAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.XADES, request.targetLevel()));
                p.setDetachedContents(detached);
                return dss.xades.extendDocument(doc, p);
            });
            case JSON -> new Augmentation(SignatureFormat.JADES, "application/jose+json", () -> {
                var p = new eu.europa.esig.dss.jades.JAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.JADES, request.targetLevel()));
                p.setDetachedContents(detached);
                return dss.jades.extendDocument(doc, p);
            });
            case ASIC_XADES -> new Augmentation(SignatureFormat.XADES, "application/vnd.etsi.asic-e+zip", () -> {
                var p = new eu.europa.esig.dss.asic.xades.ASiCWithXAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.XADES, request.targetLevel()));
                return dss.asicXades.extendDocument(doc, p);
            });
            case ASIC_CADES -> new Augmentation(SignatureFormat.CADES, "application/vnd.etsi.asic-e+zip", () -> {
                var p = new eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.CADES, request.targetLevel()));
                return dss.asicCades.extendDocument(doc, p);
            });
            case CMS -> new Augmentation(SignatureFormat.CADES, "application/pkcs7-signature", () -> {
                var p = new eu.europa.esig.dss.cades.CAdESSignatureParameters();
                p.setSignatureLevel(DssParameters.level(SignatureFormat.CADES, request.targetLevel()));
                p.setDetachedContents(detached);
                return dss.cades.extendDocument(doc, p);
            });
            case UNKNOWN -> throw new SigningException(SigningError.NOTHING_TO_AUGMENT,
                    "the document is not a signed PDF, XML, JSON, CMS or ASiC file");
        };
        Instant now = now();
        DSSDocument extended;
        try {
            extended = a.extend().get();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            SigningException translated = DssErrors.translate(e, a.format().name());
            String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("no signature") || m.contains("no signatures") || m.contains("is not signed")) {
                translated = new SigningException(SigningError.NOTHING_TO_AUGMENT,
                        "the document carries no signature to augment", e);
            }
            log.info("augmentation refused: {} ({})", translated.error(), e.toString());
            throw translated;
        }
        byte[] bytes;
        try (var in = extended.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SigningException(SigningError.SIGNING_FAILED, "the augmented document could not be written", e);
        }
        return new SignedDocument(name, a.mediaType(), bytes, a.format(), request.targetLevel(), null, now);
    }

    /** How to extend one kind of signed file. */
    private record Augmentation(SignatureFormat format, String mediaType,
            java.util.function.Supplier<DSSDocument> extend) {

        enum Kind { PDF, XML, JSON, ASIC_XADES, ASIC_CADES, CMS, UNKNOWN }

        static Kind kindOf(byte[] content) {
            return switch (vn.kyso.core.DocumentType.of(content)) {
                case PDF -> Kind.PDF;
                case XML -> Kind.XML;
                case JSON -> Kind.JSON;
                case ZIP -> asicKind(content);
                case CMS -> Kind.CMS;
                // any other DER SEQUENCE is handed to DSS's CAdES extension, which says what is wrong with it
                default -> content.length > 0 && (content[0] & 0xff) == 0x30 ? Kind.CMS : Kind.UNKNOWN;
            };
        }

        private static Kind asicKind(byte[] content) {
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    String n = e.getName();
                    if (n.startsWith("META-INF/") && n.endsWith(".p7s")) {
                        return Kind.ASIC_CADES;
                    }
                    if (n.startsWith("META-INF/") && n.contains("signatures") && n.endsWith(".xml")) {
                        return Kind.ASIC_XADES;
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                return Kind.UNKNOWN;
            }
            return Kind.UNKNOWN;
        }
    }

    @Override
    public SignedDocument signContainer(ContainerRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> signContainerNow(request)));
    }

    private SignedDocument signContainerNow(ContainerRequest request) {
        KeyEntry key = keys.find(request.keyId());
        Instant now = now();
        checkValidity(key.certificate(), now);
        requireTimestampsFor(request.level());
        List<DSSDocument> docs = request.documents().stream()
                .map(d -> (DSSDocument) new InMemoryDocument(d.content(), d.name())).toList();
        DssJob dssJob = request.format() == SignatureFormat.CADES
                ? DssJob.of(dss.asicCades, docs,
                        DssParameters.asicCades(request.level(), request.digest(), key.chain(), now))
                : DssJob.of(dss.asicXades, docs,
                        DssParameters.asicXades(request.level(), request.digest(), key.chain(), now));
        String stem = request.documents().size() == 1 ? stem(request.documents().get(0).name()) : "container";
        Job job = new Job(dssJob, request.format(), request.level(), stem + ".asice",
                "application/vnd.etsi.asic-e+zip", now);
        SignatureValue value = signWithKey(key, dssJob.dataToSign(), job);
        return finish(job, value, key.id());
    }

    @Override
    public PreparedSignature prepare(PrepareRequest request) {
        return lookups.call(() -> prepareNow(request));
    }

    private PreparedSignature prepareNow(PrepareRequest request) {
        List<X509Certificate> chain = parseChain(request.certificateChain());
        KeyFamily family = familyOf(chain);
        checkFamily(family, request.options());
        Instant now = now();
        checkValidity(chain.get(0), now);
        Job job = job(request.document(), request.options(), chain, now, null);
        ToBeSigned toBeSigned = run(job, () -> job.dss().dataToSign());
        String algorithm = signatureAlgorithm(job, chain.get(0)).getJCEId();
        var ticket = pending.put(new Pending(job, toBeSigned, chain.get(0)), request.document().content().length);
        return new PreparedSignature(ticket.id(), toBeSigned.getBytes(), algorithm, now, ticket.expiresAt());
    }

    @Override
    public SignedDocument complete(CompleteRequest request) {
        return lookups.call(() -> FreshnessFloor.during(now(), () -> completeNow(request)));
    }

    private SignedDocument completeNow(CompleteRequest request) {
        Pending p = pending.take(request.id());
        SignatureAlgorithm algorithm = signatureAlgorithm(p.job, p.certificate);
        byte[] raw = EcdsaValues.toDer(request.signatureValue(), algorithm);
        if (!verifies(p.certificate, algorithm.getJCEId(), p.toBeSigned.getBytes(), raw)) {
            throw new SigningException(SigningError.SIGNATURE_VALUE_INVALID,
                    "the signature value does not verify with the signer's certificate over the prepared data");
        }
        return finish(p.job, new SignatureValue(algorithm, raw), null);
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

    private Job job(Document document, SignOptions options, List<X509Certificate> chain, Instant now,
            KeyEntry key) {
        requireTimestampsFor(options.level());
        byte[] content = document.content();
        if (content.length == 0) {
            throw new SigningException(SigningError.MALFORMED_DOCUMENT, "the document is empty");
        }
        ContentType type = ContentType.sniff(content);
        SignatureFormat format = options.format() != null ? options.format() : switch (type) {
            case PDF -> SignatureFormat.PADES;
            case XML -> SignatureFormat.XADES;
            case JSON -> SignatureFormat.JADES;
            case OTHER -> SignatureFormat.CADES;
        };
        FormatRules.checkSerializationFormat(options, format);
        if (options.appearance() != Appearance.NONE && format != SignatureFormat.PADES) {
            throw new SigningException(SigningError.APPEARANCE_INVALID,
                    "a visible signature needs a PDF; this document is " + type.mediaType);
        }
        // A PDF's type is known from its content; naming it spares DSS a ServiceLoader lookup by file name.
        DSSDocument doc = type == ContentType.PDF
                ? new InMemoryDocument(content, document.name(), MimeTypeEnum.PDF)
                : new InMemoryDocument(content, document.name());
        String name = document.name();
        return switch (format) {
            case PADES -> {
                PdfFacts facts = PdfInspector.inspect(content, options.placement() == null
                        && (options.appearance() == Appearance.PERSON || options.appearance() == Appearance.COPY));
                PAdESSignatureParameters p = DssParameters.pades(options.level(), options.digest(), chain, now);
                p.setSignerName(KeyEntryNames.commonName(chain.get(0)));
                p.setReason(reason(options.appearance()));
                if (options.appearance() != Appearance.NONE) {
                    SignatureImageParameters image = layout.create(facts, new AppearanceContent(options.appearance(),
                            options.placement(), key == null ? null : key.appearanceImage(),
                            KeyEntryNames.commonName(chain.get(0)), KeyEntryNames.organisation(chain.get(0)), now,
                            options.documentNumber(), options.copyForm(), options.copySource()));
                    p.setImageParameters(image);
                }
                yield new Job(DssJob.of(dss.pades, doc, p), format, options.level(), suffixed(name, "-signed", ".pdf"),
                        "application/pdf", now);
            }
            case XADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.ENVELOPED);
                if (packaging != Packaging.DETACHED && type != ContentType.XML) {
                    throw new SigningException(SigningError.UNSUPPORTED_DOCUMENT,
                            "enveloped and enveloping XAdES need an XML document; use DETACHED for other files");
                }
                FormatRules.checkEnvelopedXml(packaging, content);
                var p = DssParameters.xades(options.level(), options.digest(), chain, now, packaging, doc);
                String out = packaging == Packaging.DETACHED ? name + ".xades.xml" : suffixed(name, "-signed", ".xml");
                yield new Job(DssJob.of(dss.xades, doc, p), format, options.level(), out, "application/xml", now);
            }
            case CADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.DETACHED);
                if (packaging == Packaging.ENVELOPED) {
                    throw new SigningException(SigningError.INVALID_REQUEST,
                            "CAdES signatures are DETACHED or ENVELOPING");
                }
                var p = DssParameters.cades(options.level(), options.digest(), chain, now, packaging);
                boolean detached = packaging == Packaging.DETACHED;
                yield new Job(DssJob.of(dss.cades, doc, p), format, options.level(), name + (detached ? ".p7s" : ".p7m"),
                        detached ? "application/pkcs7-signature" : "application/pkcs7-mime", now);
            }
            case JADES -> {
                Packaging packaging = Objects.requireNonNullElse(options.packaging(), Packaging.ENVELOPING);
                if (packaging == Packaging.ENVELOPED) {
                    throw new SigningException(SigningError.INVALID_REQUEST,
                            "JAdES signatures are ENVELOPING or DETACHED");
                }
                JwsSerialization serialization = FormatRules.jwsSerialization(options);
                var p = DssParameters.jades(options.level(), options.digest(), chain, now, packaging, serialization);
                boolean compact = serialization == JwsSerialization.COMPACT;
                yield new Job(DssJob.of(dss.jades, doc, p), format, options.level(),
                        stem(name) + (compact ? ".jws" : ".jws.json"),
                        compact ? "application/jose" : "application/jose+json", now);
            }
        };
    }

    private SignatureValue signWithKey(KeyEntry key, ToBeSigned toBeSigned, Job job) {
        SignatureAlgorithm algorithm = signatureAlgorithm(job, key.certificate());
        byte[] value = key.signer().sign(toBeSigned.getBytes(), algorithm.getJCEId());
        return new SignatureValue(algorithm, value);
    }

    private SignedDocument finish(Job job, SignatureValue value, String keyId) {
        DSSDocument signed = run(job, () -> job.dss().sign(value));
        byte[] bytes;
        try (var in = signed.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new SigningException(SigningError.SIGNING_FAILED, "the signed document could not be written", e);
        }
        return new SignedDocument(job.name(), job.mediaType(), bytes, job.format(), job.level(), keyId,
                job.signingTime());
    }

    private <T> T run(Job job, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            SigningException translated = DssErrors.translate(e, job.format().name());
            if (translated.error() == SigningError.SIGNING_FAILED) {
                log.error("signing failed", e);
            } else {
                log.info("signing refused: {} ({})", translated.error(), e.toString());
            }
            throw translated;
        }
    }

    private static SignatureAlgorithm signatureAlgorithm(Job job, X509Certificate cert) {
        EncryptionAlgorithm encryption = EncryptionAlgorithm.forKey(cert.getPublicKey());
        return SignatureAlgorithm.getAlgorithm(encryption, job.dss().parameters().getDigestAlgorithm());
    }

    private void requireTimestampsFor(vn.kyso.signing.SignatureLevel level) {
        if (level != vn.kyso.signing.SignatureLevel.B_B && !timestamps) {
            throw new SigningException(SigningError.TSA_UNAVAILABLE,
                    "no time-stamp authority is configured, so only level B-B is available");
        }
    }

    private static void checkFamily(KeyFamily actual, SignOptions options) {
        if (options.requiredFamily() != null && options.requiredFamily() != actual) {
            throw new SigningException(SigningError.KEY_FAMILY_MISMATCH, "this profile needs a "
                    + options.requiredFamily().name().toLowerCase() + " key; the key is "
                    + (actual == null ? "of no configured family" : actual.name().toLowerCase()));
        }
    }

    private void checkValidity(X509Certificate cert, Instant now) {
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw new SigningException(SigningError.CERTIFICATE_EXPIRED,
                    "the signing certificate expired on " + cert.getNotAfter().toInstant());
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw new SigningException(SigningError.CERTIFICATE_NOT_YET_VALID,
                    "the signing certificate is valid only from " + cert.getNotBefore().toInstant());
        }
    }

    private KeyFamily familyOf(List<X509Certificate> chain) {
        X509Certificate top = chain.get(chain.size() - 1);
        for (Map.Entry<KeyFamily, List<X509Certificate>> e : keys.anchors().entrySet()) {
            for (X509Certificate anchor : e.getValue()) {
                if (anchor.equals(top) || issuedBy(top, anchor)) {
                    return e.getKey();
                }
            }
        }
        throw new SigningException(SigningError.CERTIFICATE_UNTRUSTED,
                "the signer's certificate chain does not lead to a configured trust anchor; include its issuing CA");
    }

    private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> parseChain(List<byte[]> ders) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] der : ders) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
            return chain;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(SigningError.CERTIFICATE_INVALID, "a certificate could not be read", e);
        }
    }

    private static boolean verifies(X509Certificate cert, String algorithm, byte[] data, byte[] value) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(cert.getPublicKey());
            s.update(data);
            return s.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Instant now() {
        // PDF and XML signing times have a resolution of one second.
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String reason(Appearance appearance) {
        return switch (appearance) {
            case ORGANISATION -> "Ký số của cơ quan, tổ chức";
            case COPY -> "Ký số bản sao điện tử";
            case ATTACHMENT -> "Ký số phụ lục kèm theo văn bản";
            default -> "Ký số văn bản";
        };
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String suffixed(String name, String suffix, String defaultExtension) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix + defaultExtension;
    }

    /** A DSS job with what the result needs to be described. */
    record Job(DssJob dss, SignatureFormat format, vn.kyso.signing.SignatureLevel level, String name,
            String mediaType, Instant signingTime) {
    }

    /** A prepared remote signature waiting for its value. */
    private record Pending(Job job, ToBeSigned toBeSigned, X509Certificate certificate) {
    }
}
