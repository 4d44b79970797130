package vn.kyso.validation.internal;

import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.ValidationSettings;

/**
 * The validation facade on EU DSS. Each request is checked against the input limits, validated by DSS
 * with the default ETSI EN 319 102-1 policy on a bounded worker pool within the time limit, and
 * explained in our records; the ETSI validation report goes along for auditors. Build it once and
 * share it: it is thread-safe and keeps the trust stores and the revocation cache between requests.
 */
public final class DssValidationService implements ValidationService, AutoCloseable {

    /** Where Debian's fonts-liberation2 puts Liberation Serif. */
    public static final Path DEFAULT_FONT_DIRECTORY = Path.of("/usr/share/fonts/truetype/liberation2");

    private static final Logger log = LoggerFactory.getLogger(DssValidationService.class);

    private final Clock clock;
    private final TrustAnchors anchors;
    private final DssEngine engine;
    private final InputGuard guard;
    private final ReportAssembler assembler;
    private final BoundedExecutor executor;
    private final PdfReportWriter pdfReports;

    public DssValidationService(ValidationSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_FONT_DIRECTORY);
    }

    /**
     * @param fontDirectory a directory with LiberationSerif-Regular.ttf and LiberationSerif-Bold.ttf for the
     *                      PDF report
     * @throws IllegalStateException if a trust store cannot be read
     */
    public DssValidationService(ValidationSettings settings, Clock clock, Path fontDirectory) {
        this(settings, clock, fontDirectory, new RevocationCache(
                RevocationCache.Settings.defaults(settings.revocationCacheMaxAge()), clock));
    }

    /** @param revocations the revocation cache, shared with signing where both run in one process */
    public DssValidationService(ValidationSettings settings, Clock clock, Path fontDirectory,
            RevocationCache revocations) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anchors = new TrustAnchors(settings.trustStores());
        if (anchors.size() == 0) {
            log.warn("no trust anchors configured: every signature will be reported as untrusted");
        }
        this.engine = new DssEngine(settings, anchors, Objects.requireNonNull(revocations, "revocations"));
        this.guard = new InputGuard(InputLimits.defaults(settings.maxDocumentBytes()));
        this.assembler = new ReportAssembler(anchors, settings.offline());
        this.executor = new BoundedExecutor(settings.maxConcurrent(), settings.maxValidationTime());
        this.pdfReports = new PdfReportWriter(Objects.requireNonNull(fontDirectory, "fontDirectory"),
                engine.policyName());
    }

    @Override
    public ValidationResult validate(ValidationRequest request) {
        Objects.requireNonNull(request, "request");
        return executor.call(() -> run(request));
    }

    @Override
    public java.util.Optional<SignedFile> signedRevision(SignedFile document, String signatureId) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(signatureId, "signatureId");
        return executor.call(() -> cutRevision(document, signatureId));
    }

    private java.util.Optional<SignedFile> cutRevision(SignedFile document, String signatureId) {
        if (guard.check(ValidationRequest.of(document)) != ContentKind.PDF) {
            return java.util.Optional.empty();
        }
        java.util.OptionalLong end;
        try {
            end = engine.signedEnd(document, signatureId);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw DssErrors.translate(e, ContentKind.PDF);
        }
        byte[] content = document.content();
        if (end.isEmpty() || end.getAsLong() <= 0 || end.getAsLong() > content.length) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SignedFile(revisionName(document.name()),
                java.util.Arrays.copyOf(content, (int) end.getAsLong())));
    }

    /** "cong-van.pdf" → "cong-van-phien-ban-da-ky.pdf" ("signed revision"). */
    private static String revisionName(String name) {
        String base = name == null || name.isBlank() ? "van-ban" : name.replaceFirst("(?i)\\.pdf$", "");
        return base + "-phien-ban-da-ky.pdf";
    }

    @Override
    public byte[] pdfReport(ValidationReport report, Language language) {
        Objects.requireNonNull(report, "report");
        return pdfReports.write(report, Objects.requireNonNull(language, "language"));
    }

    /** OCSP responses and CRLs currently cached, for health checks. */
    public int cachedRevocationResponses() {
        return engine.cachedRevocationResponses();
    }

    /** Validations running or queued, for health checks. */
    public int validationsInProgress() {
        return executor.busy();
    }

    @Override
    public void close() {
        executor.close();
    }

    private ValidationResult run(ValidationRequest request) {
        Instant validationTime = request.validationTime() != null ? request.validationTime() : clock.instant();
        ContentKind kind;
        try {
            kind = guard.check(request);
        } catch (ValidationException refused) {
            return explainedContainer(request, validationTime, refused);
        }
        try (PdfParses parses = new PdfParses()) {
            return run(request, validationTime, kind, parses);
        }
    }

    private ValidationResult run(ValidationRequest request, Instant validationTime, ContentKind kind,
            PdfParses parses) {
        Reports reports;
        try {
            // DSS reads entry names as UTF-8; a container from an old Vietnamese tool gets its names re-encoded
            SignedFile forDss = kind != ContentKind.ZIP ? request.document()
                    : new SignedFile(request.document().name(), LegacyNames.asUtf8(request.document().content()));
            reports = engine.validate(forDss, request.originals(), validationTime, request.etsiReport(), parses);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            ValidationException translated = DssErrors.translate(e, kind);
            log.info("document refused: {} ({})", translated.error(), e.toString());
            return explainedContainer(request, validationTime, translated);
        }
        requireOriginals(reports.getSimpleReport(), request, kind);
        ValidationReport report = assembler.assemble(reports, new ReportAssembler.Input(request.document(),
                sha256(request.document().content()), kind, request.originals(), validationTime), parses.whole());
        byte[] etsi = request.etsiReport() ? reports.getXmlValidationReport().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        return new ValidationResult(report, etsi);
    }

    /**
     * A container that cannot be read as a whole, because a local header contradicts the central
     * directory or data hides between entries, gets a report naming that instead of a bare refusal; any
     * other refusal (limits, unknown formats) stands.
     */
    private ValidationResult explainedContainer(ValidationRequest request, Instant validationTime,
            ValidationException refused) {
        byte[] content = request.document().content();
        boolean unreadable = refused.error() == ValidationError.MALFORMED_DOCUMENT
                || refused.error() == ValidationError.UNSUPPORTED_DOCUMENT;
        if (!unreadable || ContentKind.sniff(content).orElse(null) != ContentKind.ZIP) {
            throw refused;
        }
        List<Explanation> findings = ContainerFindings.structural(content).stream()
                .filter(f -> !ContainerFindings.NOTES.contains(f.code())).toList();
        if (findings.isEmpty()) {
            throw refused;
        }
        ValidationReport report = assembler.unreadableContainer(new ReportAssembler.Input(request.document(),
                sha256(content), ContentKind.ZIP, request.originals(), validationTime), findings);
        return new ValidationResult(report, new byte[0]);
    }

    /**
     * A detached signature submitted without its original cannot be judged at all; asking for the
     * original is more useful than a report that says "indeterminate" about data nobody supplied. A
     * container is different: a missing file there is the container's defect and goes in the report.
     * So is an XML signature whose references all point inside the document (enveloped, enveloping,
     * {@code URI="#id"}, {@code URI=""}): no original exists to supply, and data it names but the file
     * lacks is the signature's defect.
     */
    private static void requireOriginals(SimpleReport simple, ValidationRequest request, ContentKind kind) {
        if (!request.originals().isEmpty() || kind == ContentKind.ZIP) {
            return;
        }
        boolean dataMissing = simple.getSignatureIdList().stream()
                .anyMatch(id -> simple.getSubIndication(id) == SubIndication.SIGNED_DATA_NOT_FOUND);
        if (!dataMissing
                || kind == ContentKind.XML && !XmlSignatures.of(request.document().content()).anyExternalReference()) {
            return;
        }
        throw new ValidationException(ValidationError.ORIGINAL_REQUIRED,
                "this is a detached signature: supply the signed original file with it");
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(newSha256().digest(content));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
