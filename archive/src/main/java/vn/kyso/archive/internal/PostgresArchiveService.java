package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.OpenFileRequest;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.EvidenceRecordSettings;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.IssuedCopyCheck;
import vn.kyso.archive.IssuedDocument;
import vn.kyso.archive.IssuedOriginal;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.core.logging.LogContext;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.ValidationService;

/**
 * The archive on a PostgreSQL catalogue and an {@link ObjectStore}: a thin facade over one class per
 * job ({@link IngestPipeline}, {@link RecordReader}, {@link PackageExporter}, {@link IssuedCopies},
 * {@link DisposalDesk}, {@link PreservationJobs}).
 *
 * <p>The constructor only wires; {@link #start()} migrates the catalogue's schema and starts the
 * worker threads (the auto-configuration calls it as the bean's init method), {@link #close()} stops
 * them.
 */
public final class PostgresArchiveService implements ArchiveService, AutoCloseable {

    private final DataSource dataSource;
    private final ArchiveWorkers workers = new ArchiveWorkers();
    private final IngestPipeline ingest;
    private final RecordReader reader;
    private final PackageExporter exporter;
    private final IssuedCopies issued;
    private final DisposalDesk disposal;
    private final PreservationJobs jobs;
    private final JobTable jobTable;
    /** Files (hồ sơ) and the E-ARK export (issue #12). */
    private final ArchiveFiles files;
    private final EarkExports eark;
    private final HistoryTable history;
    private final Clock clock;
    private final Catalogue catalogue;
    /** Exports built in the background (issue #14). */
    private final ExportJobs exports;
    private volatile boolean started;

    public PostgresArchiveService(DataSource dataSource, ObjectStore store, ValidationService validation,
            SigningService signing, TextExtractor extractor, ArchiveSettings settings, Clock clock) {
        this(dataSource, store, validation, signing, extractor, settings, EvidenceRecordSettings.disabled(), clock);
    }

    /** With RFC 4998 evidence records ({@link JobKind#EVIDENCE_RECORDS}) stamped by {@code evidence}'s TSA. */
    public PostgresArchiveService(DataSource dataSource, ObjectStore store, ValidationService validation,
            SigningService signing, TextExtractor extractor, ArchiveSettings settings,
            EvidenceRecordSettings evidence, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        Objects.requireNonNull(store);
        Objects.requireNonNull(validation);
        Objects.requireNonNull(signing);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(clock);
        TextExtractor own = new PdfTextExtractor();
        TextExtractor text = extractor == null ? own : (name, content) -> {
            TextExtractor.Extracted e = extractor.extract(name, content);
            return e != null ? e : own.extract(name, content);
        };
        CatalogueDb db = new CatalogueDb(dataSource);
        ObjectTable objectTable = new ObjectTable(db);
        HistoryTable history = new HistoryTable(db);
        this.history = history;
        this.clock = clock;
        Catalogue catalogue = new Catalogue(db, objectTable, history);
        this.catalogue = catalogue;
        this.jobTable = new JobTable(db);
        StoredObjects objects = new StoredObjects(store, workers, settings, clock);
        EvidencePlanner planner = new EvidencePlanner(settings);
        this.files = new ArchiveFiles(dataSource, catalogue, history, clock);
        this.eark = new EarkExports(catalogue, objectTable, history, files, objects, clock);
        this.ingest = new IngestPipeline(catalogue, objectTable, history, objects, workers, validation, signing, text,
                planner, files, settings, clock);
        this.reader = new RecordReader(catalogue, objectTable, history, new RecordSearch(db), objects);
        this.exporter = new PackageExporter(catalogue, objectTable, history, objects, reader, clock);
        this.issued = new IssuedCopies(catalogue, objectTable);
        this.disposal = new DisposalDesk(catalogue, objectTable, history, new DisposalTable(db), objects, reader,
                clock);
        this.jobs = new PreservationJobs(catalogue, objectTable, new WriteIntents(db), history, jobTable, objects, ingest,
                planner,
                validation, signing, settings, clock, new EvidenceRecordJob(db, catalogue, objectTable,
                        new EvidenceTable(db), new WriteIntents(db), history, objects, Objects.requireNonNull(evidence),
                        settings, clock));
        this.exports = new ExportJobs(new ExportJobTable(db), reader, catalogue, exporter, eark, store, clock);
    }

    /** Brings the catalogue's schema up to date and starts the worker threads; idempotent. */
    public PostgresArchiveService start() {
        CatalogueDb.migrate(dataSource);
        workers.start();
        started = true;
        return this;
    }

    /** A call before {@link #start()} is a wiring mistake: said so, not left to fail on a missing table. */
    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the archive service was not started; call start() first");
        }
    }

    /** Accepted ingests not yet processed in this process (for tests, benchmarks and health). */
    public int backlog() {
        return workers.backlog();
    }

    @Override
    public void close() {
        workers.close();
    }

    @Override
    public RecordDetails ingest(IngestRequest request) {
        requireStarted();
        return reader.ingested(ingest.ingest(request));
    }

    @Override
    public RecordDetails accept(IngestRequest request) {
        requireStarted();
        return ingest.accept(request);
    }

    @Override
    public RecordPage search(RecordQuery query) {
        requireStarted();
        return reader.search(query);
    }

    @Override
    public RecordDetails record(String id) {
        requireStarted();
        return reader.record(id);
    }

    @Override
    public StoredFile content(String id) {
        requireStarted();
        return reader.content(id);
    }

    @Override
    public StoredFile evidence(String id) {
        requireStarted();
        return reader.evidence(id);
    }

    @Override
    public StoredFile exportRecord(String id) {
        requireStarted();
        return exporter.exportRecord(id);
    }

    @Override
    public StoredFile exportFile(String fondCode, String fileCode) {
        requireStarted();
        return exporter.exportFile(fondCode, fileCode);
    }

    @Override
    public IssuedCopyCheck checkIssuedCopy(String documentId, byte[] copy) {
        requireStarted();
        return issued.check(documentId, copy);
    }

    @Override
    public Optional<IssuedOriginal> issuedOriginal(String documentId) {
        requireStarted();
        return issued.issuedOriginal(documentId);
    }

    @Override
    public Optional<IssuedDocument> issuedDocument(String documentId) {
        requireStarted();
        return issued.issuedDocument(documentId, reader::record);
    }

    @Override
    public RecordDetails setLegalHold(String id, boolean hold, String reason, String actor) {
        requireStarted();
        disposal.setLegalHold(id, hold, reason, actor);
        return reader.record(id);
    }

    @Override
    public RecordDetails annotate(String id, String kind, String detail, String actor) {
        requireStarted();
        CatalogueRow row = reader.activeRow(id);
        if (kind == null || !kind.matches("[A-Z][A-Z0-9_]{2,39}")) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a note's kind is 3-40 upper case letters, "
                    + "digits or '_'");
        }
        if (detail == null || detail.isBlank() || detail.length() > 1000) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a note needs a detail of at most 1000 characters");
        }
        history.add(row.id(), clock.instant(), kind, "OK", detail.strip(), actor);
        return reader.record(id);
    }

    @Override
    public DisposalList proposeDisposal(LocalDate asOf, String actor, String organisation) {
        requireStarted();
        return disposal.propose(asOf, actor, organisation);
    }

    @Override
    public DisposalList approveDisposal(long listId, DisposalApproval approval) {
        requireStarted();
        return disposal.approve(listId, approval);
    }

    @Override
    public List<DisposalList> disposalLists() {
        requireStarted();
        return disposal.all();
    }

    @Override
    public ArchiveFile openFile(OpenFileRequest request, String actor) {
        requireStarted();
        return files.open(request, actor);
    }

    @Override
    public ArchiveFile file(String fondCode, String fileCode) {
        requireStarted();
        return files.file(fondCode, fileCode);
    }

    @Override
    public ArchiveFile fileRecord(String fondCode, String fileCode, String recordId, String actor) {
        requireStarted();
        return files.fileRecord(fondCode, fileCode, reader.row(recordId).id(), actor);
    }

    @Override
    public ArchiveFile closeFile(String fondCode, String fileCode, LocalDate endedOn, String actor) {
        requireStarted();
        return files.close(fondCode, fileCode, endedOn, actor);
    }

    @Override
    public StoredFile exportRecordEark(String id) {
        requireStarted();
        return eark.record(reader.activeRow(id));
    }

    @Override
    public StoredFile exportFileEark(String fondCode, String fileCode) {
        requireStarted();
        return eark.file(fondCode, fileCode);
    }

    @Override
    public List<JobReport> jobs() {
        requireStarted();
        return jobTable.recent(50);
    }

    @Override
    public JobReport runJob(JobKind kind) {
        requireStarted();
        return jobs.run(kind);
    }

    @Override
    public JobReport startJob(JobKind kind) {
        requireStarted();
        JobReport run = jobs.begin(kind);
        // A thread of its own rather than the ingest workers: a run may take hours and must not hold
        // accepted ingests up. If this process dies, the run's heartbeat goes stale and the next run of
        // the kind resumes it.
        // Its log lines name the run and the request that started it (the 202's), as a request's do.
        Thread worker = new Thread(LogContext.carrying("archive-job-" + run.id(), () -> jobs.proceed(run)),
                "archive-job-" + run.id());
        worker.setDaemon(true);
        worker.start();
        return run;
    }

    @Override
    public Optional<JobReport> job(long id) {
        requireStarted();
        return jobTable.find(id);
    }

    @Override
    public Optional<vn.kyso.archive.BackgroundIngest> backgroundIngest() {
        requireStarted();
        return Optional.of(ingest.progress());
    }

    @Override
    public ExportJob startExport(ExportRequest request) {
        requireStarted();
        return exports.start(request);
    }

    @Override
    public Optional<ExportJob> exportJob(long id, String organisation) {
        requireStarted();
        return exports.job(id, organisation);
    }

    @Override
    public StoredFile exportResult(long id, String organisation) {
        requireStarted();
        return exports.result(id, organisation);
    }

    @Override
    public java.util.OptionalLong acceptedBacklog() {
        requireStarted();
        return java.util.OptionalLong.of(catalogue.countInState(RecordState.ACCEPTED));
    }
}
