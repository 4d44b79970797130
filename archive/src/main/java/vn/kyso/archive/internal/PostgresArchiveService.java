package vn.kyso.archive.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.IssuedCopyCheck;
import vn.kyso.archive.IssuedOriginal;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.core.ErrorKind;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * The archive on a PostgreSQL catalogue and an {@link ObjectStore}.
 *
 * <p>Ingest protocol, so that after any crash or outage there is never a catalogue entry without
 * its objects nor an object without its entry once recovery has run:
 * <ol>
 *   <li>validate, augment and digest everything in memory (no side effects);</li>
 *   <li>insert the record as PENDING with its planned objects (one transaction);</li>
 *   <li>put every object, without retention so a failed ingest can be undone;</li>
 *   <li>mark the record ACTIVE (one transaction), then set retention on its objects.</li>
 * </ol>
 * A failure in step 3 undoes steps 2–3 at once if it can; otherwise the RECOVERY job later deletes
 * the objects and the row of a PENDING record whose objects are incomplete, or activates one whose
 * objects are all stored (the database failed at step 4: the ingest completes later).
 */
public final class PostgresArchiveService implements ArchiveService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresArchiveService.class);
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    static final String ORIGINAL = "original";
    static final String AUGMENTED = "augmented";
    static final String VALIDATION = "validation";
    static final String VALIDATION_ETSI = "validation-etsi";
    static final String MANIFEST = "manifest";
    static final String SIGNED_DATA = "signed-data";

    private final Catalogue catalogue;
    private final ObjectStore store;
    private final ValidationService validation;
    private final SigningService signing;
    private final TextExtractor extractor;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final ExecutorService io;
    /**
     * Where each active record's original is: write-once facts, so retrieval skips the catalogue
     * round trip. Entries live a minute, so a disposal approved on another instance is seen soon;
     * until then a read of a disposed record fails on the missing object, never returns stale bytes.
     */
    private final PreservationJobs jobs;
    private final ExpiringCache<UUID, Catalogue.OriginalRef> originals = new ExpiringCache<>(10_000,
            java.time.Duration.ofMinutes(1));
    private final java.util.concurrent.ThreadPoolExecutor background;

    public PostgresArchiveService(DataSource dataSource, ObjectStore store, ValidationService validation,
            SigningService signing, TextExtractor extractor, ArchiveSettings settings, Clock clock) {
        Catalogue.migrate(dataSource);
        this.catalogue = new Catalogue(dataSource);
        this.store = Objects.requireNonNull(store);
        this.validation = Objects.requireNonNull(validation);
        this.signing = Objects.requireNonNull(signing);
        TextExtractor own = new PdfTextExtractor();
        this.extractor = extractor == null ? own : (name, content) -> {
            TextExtractor.Extracted e = extractor.extract(name, content);
            return e != null ? e : own.extract(name, content);
        };
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
        AtomicInteger n = new AtomicInteger();
        this.io = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "archive-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.jobs = new PreservationJobs(this, catalogue, store, validation, signing, settings, clock);
        // Accepted ingests are processed here; a full queue leaves them to the recovery job.
        AtomicInteger w = new AtomicInteger();
        // Half the cores: validation is CPU-bound, and requests (accepts among them) need the rest.
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.background = new java.util.concurrent.ThreadPoolExecutor(workers, workers, 0,
                java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "archive-ingest-" + w.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Accepted ingests not yet processed in this process (for tests, benchmarks and health). */
    public int backlog() {
        return background.getQueue().size() + background.getActiveCount();
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdown();
    }

    // ================================================================ ingest

    @Override
    public RecordDetails ingest(IngestRequest request) {
        Digests digests = admit(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Prepared p = prepare(UUID.randomUUID(), request.name(), request.content(), request.detachedOriginal(),
                request.metadata(), digests, request.actor(), now);
        // Step 2: the PENDING row.
        catalogue.insertPending(p.row(), p.rows(), p.searchFolded(), p.searchExact());
        // Step 3: the objects.
        try {
            putAll(p.planned(), p.rows());
        } catch (ArchiveException e) {
            undo(p.row().id(), p.rows());
            throw e;
        }
        // Step 4: visible, then protected.
        catalogue.activate(p.row().id(), now, request.actor(), p.detail());
        protect(p.row(), p.rows());
        return record(p.row().id().toString());
    }

    @Override
    public RecordDetails accept(IngestRequest request) {
        Digests digests = admit(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        String mediaType = sniff(request.content());
        List<Planned> planned = new ArrayList<>();
        planned.add(new Planned(ORIGINAL, 0, request.name(), mediaType, request.content()));
        if (request.detachedOriginal() != null) {
            planned.add(new Planned(SIGNED_DATA, 0, "signed-data.bin", "application/octet-stream",
                    request.detachedOriginal()));
        }
        List<Catalogue.ObjectRow> rows = planned.stream().map(pl -> objectRow(id, pl, now)).toList();
        RecordMetadata m = request.metadata();
        Catalogue.Row row = new Catalogue.Row(id, "ACCEPTED", m, m.preservation().endsAfter(m.documentDate()), false,
                request.name(), mediaType, request.content().length, digests.sha256(), digests.sha512(), null, null,
                null, false, null, null, now, request.actor(), null, null);
        catalogue.insertAccepted(row, rows);
        try {
            putAll(planned, rows);
        } catch (ArchiveException e) {
            undo(id, rows);
            throw e;
        }
        String detail = "original stored; validation and evidence follow";
        catalogue.event(id, now, "ACCEPTED", "OK", detail, request.actor());
        try {
            background.execute(() -> processAccepted(id));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.info("ingest queue full; record {} will be processed by the recovery job", id);
        }
        // Built from what was just written rather than read back: accepting is the bulk path.
        return new RecordDetails(id.toString(), "ACCEPTED", m,
                new RecordDetails.Original(row.originalName(), mediaType, row.size(), row.sha256(), row.sha512(), now),
                null, new RecordDetails.Evidence(null, false, null, null),
                new RecordDetails.Retention(m.preservation(), row.disposableFrom(), false),
                rows.stream().map(Catalogue.ObjectRow::toApi).toList(),
                List.of(new RecordDetails.HistoryEvent(now, "ACCEPTED", "OK", detail, request.actor())));
    }

    /** Size and duplicate checks shared by both ways in; the digests of the document. */
    private Digests admit(IngestRequest request) {
        byte[] content = request.content();
        if (content.length > settings.maxDocumentSize()) {
            throw new ArchiveException(ArchiveError.DOCUMENT_TOO_LARGE,
                    "the document is larger than " + settings.maxDocumentSize() + " bytes");
        }
        Digests digests = Digests.of(content);
        catalogue.liveRecordWithSha256(digests.sha256()).ifPresent(existing -> {
            throw ArchiveException.duplicate(existing.toString());
        });
        return digests;
    }

    /**
     * The background half of an accepted ingest: the same checks, evidence and objects as a
     * synchronous ingest, then ACTIVE. A dependency that is down leaves the record ACCEPTED for the
     * recovery job; a document that cannot be validated at all ends FAILED, its objects removed.
     */
    void processAccepted(UUID id) {
        Catalogue.Row row = catalogue.find(id).filter(r -> r.state().equals("ACCEPTED")).orElse(null);
        if (row == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Catalogue.ObjectRow> existing = catalogue.objects(id);
        try {
            byte[] content = readVerified(latest(existing, ORIGINAL).orElseThrow());
            Optional<Catalogue.ObjectRow> signedData = latest(existing, SIGNED_DATA);
            byte[] detached = signedData.isPresent() ? readVerified(signedData.get()) : null;
            // Left by an attempt that crashed half-way: never retained, so they can go.
            for (Catalogue.ObjectRow o : existing) {
                if (!o.role().equals(ORIGINAL) && !o.role().equals(SIGNED_DATA)) {
                    deleteQuietly(o.key());
                }
            }
            catalogue.deleteObjectsExcept(id, List.of(ORIGINAL, SIGNED_DATA));
            Prepared p = prepare(id, row.originalName(), content, detached, row.metadata(),
                    new Digests(row.sha256(), row.sha512()), row.ingestedBy(), row.ingestedAt());
            List<Planned> planned = new ArrayList<>();
            List<Catalogue.ObjectRow> rows = new ArrayList<>();
            for (int i = 0; i < p.planned().size(); i++) {
                String role = p.planned().get(i).role();
                if (!role.equals(ORIGINAL) && !role.equals(SIGNED_DATA)) {
                    planned.add(p.planned().get(i));
                    rows.add(p.rows().get(i));
                }
            }
            catalogue.insertObjects(rows);
            putAll(planned, rows);
            catalogue.completeAccepted(p.row(), p.searchFolded(), p.searchExact(), now, p.detail());
            protect(p.row(), p.rows());
        } catch (ValidationException e) {
            if (e.errorCode().kind() == ErrorKind.UNAVAILABLE) {
                log.info("record {} stays accepted: {}", id, e.getMessage());
                return;
            }
            fail(id, e.getMessage());
        } catch (ArchiveException e) {
            // Storage, catalogue or evidence service down: recovery tries again later.
            log.info("record {} stays accepted: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("processing accepted record {} failed", id, e);
            fail(id, "the document could not be processed");
        }
    }

    private void fail(UUID id, String reason) {
        for (Catalogue.ObjectRow o : catalogue.objects(id)) {
            deleteQuietly(o.key());
        }
        catalogue.markFailed(id, clock.instant(), reason);
    }

    void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (ObjectStoreException e) {
            if (e.reason() != ObjectStoreException.Reason.NOT_FOUND) {
                throw storeFailure(e);
            }
        }
    }

    /** What an ingest decided in memory: the catalogue row, the objects and the search text. */
    private record Prepared(Catalogue.Row row, List<Planned> planned, List<Catalogue.ObjectRow> rows,
            String searchFolded, String searchExact, String detail) {
    }

    /** Step 1 of ingest, with no side effects: validate, augment, extract, plan every object. */
    private Prepared prepare(UUID id, String name, byte[] content, byte[] detachedOriginal,
            RecordMetadata requested, Digests digests, String actor, Instant now) {
        List<SignedFile> originals = detachedOriginal == null ? List.of()
                : List.of(new SignedFile("original", detachedOriginal));
        Checked checked = check(name, content, originals, now);
        List<String> notes = new ArrayList<>();
        SignedDocument augmented = augmentIfNeeded(name, content, detachedOriginal, checked, notes);
        Evidence evidence = augmented == null ? Evidence.of(checked.report(), settings)
                : Evidence.of(check(name, augmented.content(), originals, now).report(), settings);
        TextExtractor.Extracted text = extractor.extract(name, content);
        RecordMetadata metadata = requested.withDefaults(firstSigner(checked.report()), text.pages());
        LocalDate disposableFrom = metadata.preservation().endsAfter(metadata.documentDate());

        String ext = extension(name, checked.mediaType());
        List<Planned> planned = new ArrayList<>();
        planned.add(new Planned(ORIGINAL, 0, name, checked.mediaType(), content));
        if (detachedOriginal != null) {
            planned.add(new Planned(SIGNED_DATA, 0, "signed-data.bin", "application/octet-stream",
                    detachedOriginal));
        }
        if (augmented != null) {
            planned.add(new Planned(AUGMENTED, 1, stem(name) + "-lta" + ext, augmented.mediaType(),
                    augmented.content()));
        }
        planned.add(new Planned(VALIDATION, 0, "validation-report.json", "application/json",
                toJson(checked.report())));
        if (checked.etsi().length > 0) {
            planned.add(new Planned(VALIDATION_ETSI, 0, "validation-report-etsi.xml", "application/xml",
                    checked.etsi()));
        }
        List<Catalogue.ObjectRow> rows = new ArrayList<>();
        for (Planned p : planned) {
            rows.add(objectRow(id, p, now));
        }
        Planned manifest = new Planned(MANIFEST, 0, "manifest.json", "application/json",
                manifest(id, metadata, rows, now));
        rows.add(objectRow(id, manifest, now));
        planned.add(manifest);

        Catalogue.Row row = new Catalogue.Row(id, "PENDING", metadata, disposableFrom, false, name,
                checked.mediaType(), content.length, digests.sha256(), digests.sha512(),
                checked.report().verdict().name(), now, checked.level(), augmented != null,
                evidence.lastTimestamp(), evidence.renewBy(), now, actor, null, text.text());
        String searchable = String.join(" ", metadata.numberSymbol(), metadata.documentType(), metadata.issuer(),
                metadata.subject(), Objects.toString(metadata.signer(), ""), String.join(" ", metadata.keywords()),
                metadata.fileCode(), text.text());
        String detail = "verdict " + checked.report().verdict() + ", level " + checked.level()
                + (augmented != null ? ", augmented to B-LTA" : "")
                + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return new Prepared(row, planned, rows, VietnameseText.fold(searchable), VietnameseText.exact(searchable),
                detail);
    }

    record Planned(String role, int generation, String name, String mediaType, byte[] content) {
    }

    private record Checked(ValidationReport report, byte[] etsi, String mediaType, String level) {
    }

    private Checked check(String name, byte[] content, List<SignedFile> originals, Instant now) {
        ValidationResult result;
        try {
            result = validation.validate(new ValidationRequest(new SignedFile(name, content), originals, null)
                    .withEtsiReport(true));
        } catch (ValidationException e) {
            if (e.errorCode().kind() == ErrorKind.UNSUPPORTED_MEDIA_TYPE) {
                // Not a signature format at all (a scan, an office file): archived as unsigned.
                ValidationReport unsigned = new ValidationReport(name, Digests.sha256(content), Verdict.UNSIGNED,
                        new vn.kyso.validation.Explanation("UNSIGNED", "Tài liệu không có chữ ký số",
                                "The document carries no digital signature"), now, List.of(), List.of());
                return new Checked(unsigned, new byte[0], sniff(content), null);
            }
            throw e;
        }
        ValidationReport r = result.report();
        String level = r.signatures().stream().map(SignatureReport::format).filter(Objects::nonNull)
                .min(Comparator.comparingInt(PostgresArchiveService::levelRank)).orElse(null);
        return new Checked(r, result.etsiReport(), sniff(content), level);
    }

    /** B < T < LT < LTA, read from a format name such as PAdES-BASELINE-LT. */
    static int levelRank(String format) {
        if (format == null) {
            return 0;
        }
        if (format.endsWith("-LTA")) {
            return 4;
        }
        if (format.endsWith("-LT")) {
            return 3;
        }
        if (format.endsWith("-T")) {
            return 2;
        }
        return 1;
    }

    private SignedDocument augmentIfNeeded(String name, byte[] content, byte[] detachedOriginal, Checked checked,
            List<String> notes) {
        ValidationReport r = checked.report();
        if (r.verdict() == Verdict.UNSIGNED || r.signatures().isEmpty()) {
            return null;
        }
        if (levelRank(checked.level()) >= 4) {
            return null;
        }
        if (r.verdict() == Verdict.INVALID) {
            notes.add("not augmented: a signature is invalid, and evidence for it would prove nothing");
            return null;
        }
        List<Document> detached = detachedOriginal == null ? List.of()
                : List.of(new Document("original", detachedOriginal));
        try {
            return signing.augment(new AugmentRequest(new Document(name, content), SignatureLevel.B_LTA, detached));
        } catch (SigningException e) {
            if (e.errorCode().kind() == ErrorKind.UNAVAILABLE) {
                throw new ArchiveException(ArchiveError.EVIDENCE_UNAVAILABLE,
                        "the long-term evidence could not be gathered (" + e.getMessage() + "); nothing was stored, "
                                + "try again later", e);
            }
            notes.add("not augmented: " + e.getMessage());
            log.info("ingest of {}: augmentation refused: {}", name, e.getMessage());
            return null;
        }
    }

    private static String firstSigner(ValidationReport r) {
        return r.signatures().isEmpty() ? null : r.signatures().get(0).signerName();
    }

    Catalogue.ObjectRow objectRow(UUID id, Planned p, Instant now) {
        Digests d = Digests.of(p.content());
        return new Catalogue.ObjectRow(id, p.role(), p.generation(), key(id, p.role(), p.generation(), p.name()),
                p.name(), p.mediaType(), p.content().length, d.sha256(), d.sha512(), now);
    }

    static String key(UUID id, String role, int generation, String name) {
        return "records/" + id + "/" + role + "-" + generation + extension(name, null);
    }

    void putAll(List<Planned> planned, List<Catalogue.ObjectRow> rows) {
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned p = planned.get(i);
            Catalogue.ObjectRow r = rows.get(i);
            puts.add(CompletableFuture.runAsync(() -> store.put(r.key(), p.content(),
                    ObjectStore.PutOptions.of(p.mediaType())), io));
        }
        try {
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw storeFailure(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Best effort: the objects and the PENDING row of a failed ingest go; recovery finishes what fails. */
    private void undo(UUID id, List<Catalogue.ObjectRow> rows) {
        try {
            rows.forEach(r -> deleteQuietly(r.key()));
            catalogue.deletePending(id);
        } catch (RuntimeException e) {
            log.warn("ingest {} failed and could not be undone yet ({}); the recovery job will finish it", id,
                    e.getMessage());
        }
    }

    /** Sets retention and mirrors legal hold on the objects of an active record. */
    void protect(Catalogue.Row row, List<Catalogue.ObjectRow> rows) {
        Instant until = retainUntil(row);
        if (until == null) {
            return;
        }
        try {
            CompletableFuture.allOf(rows.stream().map(r -> CompletableFuture.runAsync(
                    () -> store.extendRetention(r.key(), until), io)).toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // The record is complete; the next fixity check sets any retention still missing.
            log.warn("retention of record {} not set yet: {}", row.id(), String.valueOf(e.getCause()));
        }
    }

    Instant retainUntil(Catalogue.Row row) {
        Instant until = row.disposableFrom() != null ? row.disposableFrom().atStartOfDay(VIETNAM).toInstant()
                : row.ingestedAt().atZone(VIETNAM).plusYears(settings.permanentRetentionYears()).toInstant();
        // A record whose period already ended is guarded by the disposal workflow alone.
        return until.isAfter(clock.instant()) ? until : null;
    }

    private byte[] manifest(UUID id, RecordMetadata metadata, List<Catalogue.ObjectRow> rows, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", id.toString());
        m.put("createdAt", now);
        m.put("metadata", metadata);
        m.put("objects", rows.stream().map(r -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("role", r.role());
            o.put("generation", r.generation());
            o.put("key", r.key());
            o.put("name", r.name());
            o.put("mediaType", r.mediaType());
            o.put("size", r.size());
            o.put("sha256", r.sha256());
            o.put("sha512", r.sha512());
            return o;
        }).toList());
        return toJson(m);
    }

    byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ArchiveException(ArchiveError.ARCHIVE_FAILED, "a report could not be written", e);
        }
    }

    // ================================================================ retrieval

    @Override
    public RecordPage search(RecordQuery query) {
        Catalogue.RecordQueryResult r = catalogue.search(query);
        return new RecordPage(r.items(), query.page(), query.size(), r.total());
    }

    @Override
    public RecordDetails record(String id) {
        Catalogue.Row row = row(id);
        List<Catalogue.ObjectRow> objects = catalogue.objects(row.id());
        return details(row, objects);
    }

    private RecordDetails details(Catalogue.Row row, List<Catalogue.ObjectRow> objects) {
        RecordDetails.ValidationSummary summary = null;
        Optional<Catalogue.ObjectRow> report = latest(objects, VALIDATION);
        if (report.isPresent() && !"DISPOSED".equals(row.state())) {
            summary = validationSummary(report.get(), row);
        }
        return new RecordDetails(row.id().toString(), row.state(), row.metadata(),
                new RecordDetails.Original(row.originalName(), row.mediaType(), row.size(), row.sha256(), row.sha512(),
                        row.ingestedAt()),
                summary,
                new RecordDetails.Evidence(row.levelAtIngest(), row.augmented(), row.lastTimestamp(), row.renewBy()),
                new RecordDetails.Retention(row.metadata().preservation(), row.disposableFrom(), row.legalHold()),
                objects.stream().map(Catalogue.ObjectRow::toApi).toList(), catalogue.history(row.id()));
    }

    private RecordDetails.ValidationSummary validationSummary(Catalogue.ObjectRow reportObject, Catalogue.Row row) {
        try {
            var node = json.readTree(store.read(reportObject.key()));
            List<RecordDetails.SignatureLine> lines = new ArrayList<>();
            for (var s : node.path("signatures")) {
                lines.add(new RecordDetails.SignatureLine(text(s, "signerName"), text(s, "organisation"),
                        text(s, "family"), text(s, "format"), text(s, "verdict"),
                        s.hasNonNull("claimedSigningTime") ? Instant.parse(s.get("claimedSigningTime").asText()) : null));
            }
            return new RecordDetails.ValidationSummary(row.verdict(), node.path("summary").path("vi").asText(null),
                    node.path("summary").path("en").asText(null), lines, row.validatedAt());
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("validation report of {} unreadable: {}", row.id(), e.toString());
            return new RecordDetails.ValidationSummary(row.verdict(), null, null, List.of(), row.validatedAt());
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    @Override
    public StoredFile content(String id) {
        UUID uuid = parseId(id);
        Catalogue.OriginalRef ref = originals.get(uuid);
        if (ref == null) {
            ref = catalogue.original(uuid).orElseThrow(() ->
                    new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id));
            if (ref.state().equals("ACTIVE")) {
                originals.put(uuid, ref);
            }
        }
        if (!ref.state().equals("ACTIVE")) {
            activeRow(id);
        }
        if (ref.key() == null) {
            throw new ArchiveException(ArchiveError.INTEGRITY_FAILURE, "the record has no original object");
        }
        byte[] content = readVerified(ref.key(), ref.sha256(), id);
        return new StoredFile(ref.name(), ref.mediaType(), content);
    }

    @Override
    public StoredFile evidence(String id) {
        Catalogue.Row row = activeRow(id);
        List<Catalogue.ObjectRow> objects = catalogue.objects(row.id());
        List<Packages.Entry> entries = new ArrayList<>();
        for (Catalogue.ObjectRow o : objects) {
            if (!o.role().equals(ORIGINAL)) {
                entries.add(new Packages.Entry(o.role() + "-" + o.generation() + "-" + o.name(), readVerified(o)));
            }
        }
        entries.add(new Packages.Entry("history.json", toJson(catalogue.history(row.id()))));
        return new StoredFile(stem(row.originalName()) + "-evidence.zip", "application/zip", Packages.zip(entries));
    }

    @Override
    public StoredFile exportRecord(String id) {
        Catalogue.Row row = activeRow(id);
        String bag = "record-" + row.id();
        byte[] zip = Packages.bag(bag, payload(row, ""), bagInfo("Record " + row.metadata().numberSymbol()),
                LocalDate.now(clock.withZone(VIETNAM)));
        return new StoredFile(bag + ".zip", "application/zip", zip);
    }

    @Override
    public StoredFile exportFile(String fondCode, String fileCode) {
        List<Catalogue.Row> rows = catalogue.inFile(fondCode, fileCode);
        if (rows.isEmpty()) {
            throw new ArchiveException(ArchiveError.FILE_NOT_FOUND,
                    "no archived record in file " + fileCode + " of fond " + fondCode);
        }
        List<Packages.Entry> payload = new ArrayList<>();
        for (Catalogue.Row row : rows) {
            payload.addAll(payload(row, row.id() + "/"));
        }
        String bag = "file-" + fileCode.replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] zip = Packages.bag(bag, payload, bagInfo("File " + fileCode + " of fond " + fondCode + ", "
                + rows.size() + " records"), LocalDate.now(clock.withZone(VIETNAM)));
        return new StoredFile(bag + ".zip", "application/zip", zip);
    }

    private List<Packages.Entry> payload(Catalogue.Row row, String prefix) {
        List<Packages.Entry> entries = new ArrayList<>();
        for (Catalogue.ObjectRow o : catalogue.objects(row.id())) {
            String dir = o.role().equals(ORIGINAL) ? "original/" : "evidence/";
            String name = o.role().equals(ORIGINAL) ? o.name() : o.role() + "-" + o.generation() + "-" + o.name();
            entries.add(new Packages.Entry(prefix + dir + safeName(name), readVerified(o)));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("recordId", row.id().toString());
        metadata.put("metadata", row.metadata());
        metadata.put("verdict", row.verdict());
        metadata.put("original", Map.of("name", row.originalName(), "sha256", row.sha256(), "sha512", row.sha512()));
        metadata.put("history", catalogue.history(row.id()));
        entries.add(new Packages.Entry(prefix + "metadata.json", toJson(metadata)));
        return entries;
    }

    private static Map<String, String> bagInfo(String description) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", "Kyso archive");
        info.put("External-Description", description);
        return info;
    }

    @Override
    public IssuedCopyCheck checkIssuedCopy(String documentId, byte[] copy) {
        Objects.requireNonNull(copy, "copy");
        Optional<Catalogue.Row> found = issuedRow(documentId);
        if (found.isEmpty()) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.NOT_ARCHIVED, null);
        }
        Catalogue.Row row = found.get();
        IssuedOriginal original = issuedOriginal(documentId, row);
        String sha = Digests.sha256(copy);
        // The archive's own long-term copy (the original augmented to B-LTA) is the issued document too.
        boolean identical = sha.equals(original.sha256()) || catalogue.objects(row.id()).stream()
                .anyMatch(o -> o.role().equals(AUGMENTED) && o.sha256().equals(sha));
        if (identical) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.IDENTICAL, original.record());
        }
        if (LaterRevisions.extendsOriginal(copy, original.sha256(), original.size())) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.EXTENDS_ORIGINAL, original.record());
        }
        return new IssuedCopyCheck(IssuedCopyCheck.Match.DIFFERENT, original.record());
    }

    @Override
    public Optional<IssuedOriginal> issuedOriginal(String documentId) {
        return issuedRow(documentId).map(row -> issuedOriginal(documentId, row));
    }

    private Optional<Catalogue.Row> issuedRow(String documentId) {
        if (documentId == null || !documentId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "a document identifier is 1-64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return catalogue.findByDocumentId(documentId);
    }

    /** Digest and size from the catalogue; the catalogue entry itself only for public records. */
    private static IssuedOriginal issuedOriginal(String documentId, Catalogue.Row row) {
        return new IssuedOriginal(documentId, row.sha256(), row.size(),
                row.metadata().accessRegime() == vn.kyso.archive.AccessRegime.PUBLIC ? Catalogue.summary(row) : null);
    }

    // ================================================================ holds and disposal

    @Override
    public RecordDetails setLegalHold(String id, boolean hold, String reason, String actor) {
        Catalogue.Row row = activeRow(id);
        if (reason == null || reason.isBlank()) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a legal hold needs a reason");
        }
        catalogue.setLegalHold(row.id(), hold);
        for (Catalogue.ObjectRow o : catalogue.objects(row.id())) {
            try {
                store.setLegalHold(o.key(), hold);
            } catch (ObjectStoreException e) {
                throw storeFailure(e);
            }
        }
        catalogue.event(row.id(), clock.instant(), hold ? "LEGAL_HOLD_SET" : "LEGAL_HOLD_LIFTED", "OK",
                reason.strip(), actor);
        return record(id);
    }

    @Override
    public RecordDetails annotate(String id, String kind, String detail, String actor) {
        Catalogue.Row row = activeRow(id);
        if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{2,39}")) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a note's kind is 3-40 upper case letters, "
                    + "digits or '_'");
        }
        if (detail == null || detail.isBlank() || detail.length() > 1000) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a note needs a detail of at most 1000 characters");
        }
        catalogue.event(row.id(), clock.instant(), kind, "OK", detail.strip(), actor);
        return record(id);
    }

    @Override
    public DisposalList proposeDisposal(LocalDate asOf, String actor) {
        Objects.requireNonNull(asOf, "asOf");
        long id = catalogue.proposeDisposal(asOf, actor, clock.instant());
        DisposalList list = catalogue.disposalList(id).orElseThrow();
        for (DisposalList.Item item : list.items()) {
            catalogue.event(UUID.fromString(item.recordId()), clock.instant(), "DISPOSAL_PROPOSED", "OK",
                    "on disposal list " + id, actor);
        }
        return list;
    }

    @Override
    public DisposalList approveDisposal(long listId, String archivist) {
        DisposalList list = catalogue.disposalList(listId).orElseThrow(() -> new ArchiveException(
                ArchiveError.DISPOSAL_LIST_NOT_FOUND, "no disposal list " + listId));
        if (!list.state().equals("PROPOSED")) {
            throw new ArchiveException(ArchiveError.DISPOSAL_NOT_APPROVED, "disposal list " + listId + " is "
                    + list.state().toLowerCase());
        }
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        for (DisposalList.Item item : list.items()) {
            UUID rid = UUID.fromString(item.recordId());
            Catalogue.Row row = catalogue.find(rid).orElseThrow();
            if (row.legalHold() || row.disposableFrom() == null || row.disposableFrom().isAfter(today)
                    || !row.state().equals("ACTIVE")) {
                catalogue.event(rid, clock.instant(), "DISPOSAL", "SKIPPED",
                        row.legalHold() ? "legal hold set after the list was drawn up" : "not disposable", archivist);
                continue;
            }
            catalogue.objects(rid).forEach(o -> deleteQuietly(o.key()));
            catalogue.markDisposed(rid);
            originals.remove(rid);
            catalogue.event(rid, clock.instant(), "DISPOSAL", "OK", "disposal list " + listId + " approved",
                    archivist);
        }
        catalogue.approveDisposal(listId, archivist, clock.instant());
        return catalogue.disposalList(listId).orElseThrow();
    }

    @Override
    public List<DisposalList> disposalLists() {
        return catalogue.disposalLists();
    }

    // ================================================================ preservation jobs

    @Override
    public List<JobReport> jobs() {
        return catalogue.jobs(50);
    }

    @Override
    public JobReport runJob(JobKind kind) {
        return jobs.run(kind);
    }

    // ================================================================ helpers

    private Catalogue.Row row(String id) {
        UUID uuid = parseId(id);
        return catalogue.find(uuid).filter(r -> !r.state().equals("PENDING")).orElseThrow(() ->
                new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id));
    }

    private Catalogue.Row activeRow(String id) {
        Catalogue.Row row = row(id);
        if (!row.state().equals("ACTIVE")) {
            throw new ArchiveException(ArchiveError.RECORD_NOT_FOUND, switch (row.state()) {
                case "DISPOSED" -> "record " + id + " was disposed of";
                case "ACCEPTED" -> "record " + id + " is still being processed";
                default -> "record " + id + " could not be archived; see its history";
            });
        }
        return row;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(Objects.requireNonNull(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id);
        }
    }

    byte[] readVerified(Catalogue.ObjectRow o) {
        return readVerified(o.key(), o.sha256(), o.recordId());
    }

    /** Reads an object and refuses to hand it out unless it matches its recorded SHA-256. */
    private byte[] readVerified(String key, String sha256, Object recordId) {
        byte[] content;
        try {
            content = store.read(key);
        } catch (ObjectStoreException e) {
            throw storeFailure(e);
        }
        if (!Digests.sha256(content).equals(sha256)) {
            log.error("object {} of record {} does not match its SHA-256", key, recordId);
            throw new ArchiveException(ArchiveError.INTEGRITY_FAILURE,
                    "a stored object of this record does not match its recorded digest; the archivist has been "
                            + "alerted through the log");
        }
        return content;
    }

    static Optional<Catalogue.ObjectRow> latest(List<Catalogue.ObjectRow> objects, String role) {
        return objects.stream().filter(o -> o.role().equals(role))
                .max(Comparator.comparingInt(Catalogue.ObjectRow::generation));
    }

    static ArchiveException storeFailure(Throwable e) {
        if (e instanceof ArchiveException a) {
            return a;
        }
        if (e instanceof ObjectStoreException s && s.reason() == ObjectStoreException.Reason.UNAVAILABLE) {
            return new ArchiveException(ArchiveError.STORAGE_UNAVAILABLE,
                    "the object store is unavailable; nothing was changed, try again later", e);
        }
        if (e instanceof ObjectStoreException s && s.reason() == ObjectStoreException.Reason.NOT_FOUND) {
            return new ArchiveException(ArchiveError.INTEGRITY_FAILURE, "a stored object of this record is missing", e);
        }
        return new ArchiveException(ArchiveError.ARCHIVE_FAILED, "an object-store operation failed", e);
    }

    private static String sniff(byte[] content) {
        return vn.kyso.core.DocumentType.of(content).mediaType();
    }

    static String extension(String name, String mediaType) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
        if (ext.matches("\\.[a-z0-9]{1,8}")) {
            return ext;
        }
        if (mediaType == null) {
            return ".bin";
        }
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "application/xml" -> ".xml";
            case "application/json" -> ".json";
            case "application/zip" -> ".zip";
            default -> ".bin";
        };
    }

    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String safeName(String name) {
        String n = name.replaceAll("[/\\\\\\p{Cntrl}]", "_");
        return n.isBlank() || n.startsWith(".") ? "_" + n : n;
    }

    /** When the evidence was last time-stamped and when it must be renewed. */
    record Evidence(Instant lastTimestamp, Instant renewBy) {

        static Evidence of(ValidationReport report, ArchiveSettings settings) {
            SignatureReport.TimestampInfo newest = null;
            for (SignatureReport s : report.signatures()) {
                for (SignatureReport.TimestampInfo t : s.timestamps()) {
                    if (t.time() != null && (newest == null || t.time().isAfter(newest.time()))) {
                        newest = t;
                    }
                }
            }
            if (newest == null) {
                return new Evidence(null, null);
            }
            Instant byAge = newest.time().plus(settings.maxEvidenceAge());
            Instant byCertificate = newest.tsaCertificateExpiry() == null ? byAge
                    : newest.tsaCertificateExpiry().minus(settings.renewalMargin());
            return new Evidence(newest.time(), byCertificate.isBefore(byAge) ? byCertificate : byAge);
        }
    }
}
