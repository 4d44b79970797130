package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.BackgroundIngest;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.core.ErrorKind;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * Ingest, synchronous and accepted, so that after any crash or outage there is never a catalogue
 * entry without its objects nor an object without its entry once recovery has run:
 * <ol>
 *   <li>validate, augment and digest everything in memory (no side effects; {@link EvidencePlanner}
 *       decides);</li>
 *   <li>insert the record as PENDING with its planned objects (one transaction);</li>
 *   <li>put every object, without retention so a failed ingest can be undone;</li>
 *   <li>mark the record ACTIVE (one transaction), then set retention on its objects.</li>
 * </ol>
 * A failure in step 3 undoes steps 2–3 at once if it can; otherwise the RECOVERY job later deletes
 * the objects and the row of a PENDING record whose objects are incomplete, or activates one whose
 * objects are all stored (the database failed at step 4: the ingest completes later).
 */
final class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
    private static final List<ObjectRole> KEPT_WHEN_ACCEPTED = List.of(ObjectRole.ORIGINAL, ObjectRole.SIGNED_DATA);
    /** How long after acceptance a validation timeout still leaves the record for recovery to try again. */
    static final Duration TIMEOUT_RETRIES_FOR = Duration.ofHours(1);

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final HistoryTable history;
    private final StoredObjects objects;
    private final ArchiveWorkers workers;
    private final ValidationService validation;
    private final SigningService signing;
    private final TextExtractor extractor;
    private final EvidencePlanner planner;
    private final ArchiveFiles files;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final HeldOriginals held = new HeldOriginals(HeldOriginals.MAX_BYTES);
    private final AtomicLong archivedInBackground = new AtomicLong();
    private final AtomicLong failedInBackground = new AtomicLong();

    IngestPipeline(Catalogue catalogue, ObjectTable objectTable, HistoryTable history, StoredObjects objects,
            ArchiveWorkers workers, ValidationService validation, SigningService signing, TextExtractor extractor,
            EvidencePlanner planner, ArchiveFiles files, ArchiveSettings settings, Clock clock) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.history = history;
        this.objects = objects;
        this.workers = workers;
        this.validation = validation;
        this.signing = signing;
        this.extractor = extractor;
        this.planner = planner;
        this.files = files;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a synchronous ingest wrote, enough to answer without reading the record back. */
    record Ingested(CatalogueRow row, List<ObjectRow> rows, byte[] validationJson, RecordDetails.HistoryEvent event) {
    }

    /** A synchronous ingest; returns what it wrote once the record is ACTIVE. */
    Ingested ingest(IngestRequest request) {
        Digests digests = admit(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EvidencePlanner.Prepared p = prepare(UUID.randomUUID(), request.name(), request.content(),
                request.detachedOriginal(), request.metadata(), digests, request.actor(), now);
        // Step 2: the PENDING row.
        catalogue.insert(p.row(), p.rows(), p.searchFolded(), p.searchExact());
        // Step 3: the objects.
        try {
            objects.putAll(p.planned(), p.rows());
        } catch (ArchiveException e) {
            undo(p.row().id(), p.rows());
            throw e;
        }
        // Step 4: visible, then protected.
        catalogue.activate(p.row().id(), now, request.actor(), p.detail());
        objects.protect(p.row(), p.rows());
        byte[] report = null;
        for (int i = 0; i < p.planned().size(); i++) {
            if (p.planned().get(i).role() == ObjectRole.VALIDATION) {
                report = p.planned().get(i).content();
            }
        }
        return new Ingested(p.row().activated(), p.rows(), report,
                new RecordDetails.HistoryEvent(now, "INGEST", "OK", p.detail(), request.actor()));
    }

    /** An asynchronous ingest: the original stored, the rest queued; built from what was just written. */
    RecordDetails accept(IngestRequest request) {
        Digests digests = admit(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        String mediaType = sniff(request.content());
        List<EvidencePlanner.Planned> planned = EvidencePlanner.accepted(request.name(), mediaType,
                request.content(), request.detachedOriginal());
        List<ObjectRow> rows = planned.stream().map(pl -> pl.row(id, now)).toList();
        RecordMetadata m = request.metadata();
        CatalogueRow row = CatalogueRow.accepted(id, m, new CatalogueRow.OriginalFacts(request.name(), mediaType,
                request.content().length, digests.sha256(), digests.sha512()), now, request.actor());
        row = row.withDisposableFrom(files.disposableFrom(m, row.disposableFrom()));
        catalogue.insert(row, rows, "", "");
        try {
            objects.putAll(planned, rows);
        } catch (ArchiveException e) {
            undo(id, rows);
            throw e;
        }
        String detail = "original stored; validation and evidence follow";
        history.add(id, now, "ACCEPTED", "OK", detail, request.actor());
        held.hold(id, request.content());
        if (!workers.submit(() -> processAccepted(id))) {
            held.take(id);
            log.info("ingest queue full; record {} will be processed by the recovery job", id);
        }
        // Built from what was just written rather than read back: accepting is the bulk path.
        return new RecordDetails(id.toString(), RecordState.ACCEPTED, m, row.original().toApi(now), null,
                row.findings().toApi(), new RecordDetails.Retention(m.preservation(), row.disposableFrom(), false),
                rows.stream().map(ObjectRow::toApi).toList(),
                List.of(new RecordDetails.HistoryEvent(now, "ACCEPTED", "OK", detail, request.actor())));
    }

    /** Size and duplicate checks shared by both ways in; the digests of the document. */
    private Digests admit(IngestRequest request) {
        byte[] content = request.content();
        if (content.length > settings.maxDocumentSize()) {
            throw new ArchiveException(ArchiveError.DOCUMENT_TOO_LARGE,
                    "the document is larger than " + settings.maxDocumentSize() + " bytes");
        }
        files.checkFiling(request.metadata());
        Digests digests = Digests.of(content);
        if (catalogue.liveRecordWithSha256(digests.sha256()).isPresent()) {
            throw catalogue.refusalForHeld(digests.sha256());
        }
        return digests;
    }

    /**
     * The background half of an accepted ingest: the same checks, evidence and objects as a
     * synchronous ingest, then ACTIVE. A dependency that is down leaves the record ACCEPTED for the
     * recovery job; a document that cannot be validated at all ends FAILED, its objects removed.
     */
    void processAccepted(UUID id) {
        CatalogueRow row = catalogue.find(id).filter(r -> r.state() == RecordState.ACCEPTED).orElse(null);
        if (row == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ObjectRow> existing = objectTable.of(id);
        byte[] inMemory = held.take(id);
        try {
            // The bytes accept() digested and stored a moment ago; otherwise the stored copy, verified.
            byte[] content = inMemory != null ? inMemory
                    : objects.readVerified(ObjectRow.latest(existing, ObjectRole.ORIGINAL).orElseThrow());
            Optional<ObjectRow> signedData = ObjectRow.latest(existing, ObjectRole.SIGNED_DATA);
            byte[] detached = signedData.isPresent() ? objects.readVerified(signedData.get()) : null;
            // Left by an attempt that crashed half-way: never retained, so they can go.
            boolean leftOver = false;
            for (ObjectRow o : existing) {
                if (!KEPT_WHEN_ACCEPTED.contains(o.role())) {
                    objects.deleteQuietly(o.key());
                    leftOver = true;
                }
            }
            if (leftOver) {
                objectTable.deleteExcept(id, KEPT_WHEN_ACCEPTED);
            }
            EvidencePlanner.Prepared p = prepare(id, row.original().name(), content, detached, row.metadata(),
                    new Digests(row.original().sha256(), row.original().sha512()), row.ingestedBy(),
                    row.ingestedAt());
            List<EvidencePlanner.Planned> planned = new ArrayList<>();
            List<ObjectRow> rows = new ArrayList<>();
            for (int i = 0; i < p.planned().size(); i++) {
                if (!KEPT_WHEN_ACCEPTED.contains(p.planned().get(i).role())) {
                    planned.add(p.planned().get(i));
                    rows.add(p.rows().get(i));
                }
            }
            objectTable.insertAll(rows);
            objects.putAll(planned, rows);
            catalogue.completeAccepted(p.row(), p.searchFolded(), p.searchExact(), now, p.detail());
            objects.protect(p.row(), p.rows());
            archivedInBackground.incrementAndGet();
        } catch (ValidationException e) {
            if (e.errorCode().kind() == ErrorKind.UNAVAILABLE) {
                log.info("record {} stays accepted: {}", id, e.getMessage());
                return;
            }
            // A validation's time limit counts its wait for a validation slot, which a burst of bulk ingest
            // fills: a timeout is this server's load as often as the document's fault, and failing would
            // delete the original the client was told was accepted. It is tried again by recovery, until
            // the record has waited longer than a hostile document may cost.
            if (e.errorCode() == ValidationError.VALIDATION_TIMEOUT
                    && now.isBefore(row.ingestedAt().plus(TIMEOUT_RETRIES_FOR))) {
                log.warn("record {} stays accepted after a validation timeout; recovery tries again", id);
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
        for (ObjectRow o : objectTable.of(id)) {
            objects.deleteQuietly(o.key());
        }
        catalogue.markFailed(id, clock.instant(), reason);
        failedInBackground.incrementAndGet();
    }

    /** The background half's counts since this process started. */
    BackgroundIngest progress() {
        return new BackgroundIngest(archivedInBackground.get(), failedInBackground.get());
    }

    /** Step 1 of ingest, with no side effects: validate, augment, extract; the planner decides the rest. */
    private EvidencePlanner.Prepared prepare(UUID id, String name, byte[] content, byte[] detachedOriginal,
            RecordMetadata requested, Digests digests, String actor, Instant now) {
        List<SignedFile> originals = detachedOriginal == null ? List.of()
                : List.of(new SignedFile("original", detachedOriginal));
        EvidencePlanner.Checked checked = check(name, content, originals, now);
        List<String> notes = new ArrayList<>();
        SignedDocument augmented = augmentIfNeeded(name, content, detachedOriginal, checked, notes);
        EvidencePlanner.Evidence evidence = planner.evidence(augmented == null ? checked.report()
                : check(name, augmented.content(), originals, now).report());
        TextExtractor.Extracted text = extractor.extract(name, content);
        EvidencePlanner.Prepared p = planner.plan(new EvidencePlanner.Gathered(id, name, content, detachedOriginal,
                requested, digests, actor, now, checked, augmented, evidence, text, notes));
        // The planner counts from the document's year; a file the archive knows counts from its closing year.
        return p.withRow(p.row().withDisposableFrom(files.disposableFrom(p.row().metadata(), p.row().disposableFrom())));
    }

    private EvidencePlanner.Checked check(String name, byte[] content, List<SignedFile> originals, Instant now) {
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
                return new EvidencePlanner.Checked(unsigned, new byte[0], sniff(content), null);
            }
            throw e;
        }
        return EvidencePlanner.Checked.of(result.report(), result.etsiReport(), sniff(content));
    }

    private SignedDocument augmentIfNeeded(String name, byte[] content, byte[] detachedOriginal,
            EvidencePlanner.Checked checked, List<String> notes) {
        EvidencePlanner.Augmentation decision = EvidencePlanner.augmentation(checked);
        if (!decision.wanted()) {
            if (decision.note() != null) {
                notes.add(decision.note());
            }
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

    /**
     * Best effort: the PENDING row of a failed ingest goes first, then its objects; recovery finishes what
     * fails. The row first because the store is typically what just failed: a row left behind would make
     * the client's retry a 409 naming a record that recovery then rolls back, while objects left behind
     * are orphans no row names, which the recovery sweep removes.
     */
    private void undo(UUID id, List<ObjectRow> rows) {
        try {
            catalogue.deletePending(id);
        } catch (RuntimeException e) {
            log.warn("ingest {} failed and its row could not be removed yet ({}); the recovery job will", id,
                    e.getMessage());
            return;
        }
        for (ObjectRow r : rows) {
            try {
                objects.deleteQuietly(r.key());
            } catch (RuntimeException e) {
                log.info("object {} of the undone ingest {} stays until the recovery sweep: {}", r.key(), id,
                        e.getMessage());
            }
        }
    }

    private static String sniff(byte[] content) {
        return vn.kyso.core.DocumentType.of(content).mediaType();
    }
}
