package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.JobState;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.spi.ObjectStore;

/**
 * Export packages built in the background (issue #14). The instance that accepts the request builds the
 * package on a thread of its own, so a job runs once in the cluster; the row in {@code export_job} carries
 * the state, the progress (records read) and a heartbeat, and the finished package goes to the object
 * store, so any instance answers the status and hands out the package. A job whose instance stops is
 * shown INTERRUPTED once its heartbeat is stale; the client asks again (building a package changes
 * nothing, so there is nothing to resume).
 */
final class ExportJobs {

    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    /** A package waits this long for its download; then its object is deleted. */
    static final Duration KEEP_RESULT = Duration.ofHours(24);
    /**
     * No heartbeat for this long means the building instance stopped. A heartbeat is written after each
     * record, so only a single record of several gigabytes could come near it.
     */
    static final Duration STALE = Duration.ofMinutes(15);
    static final String PREFIX = "exports/";

    private final ExportJobTable table;
    private final RecordReader reader;
    private final Catalogue catalogue;
    private final PackageExporter bagit;
    private final EarkExports eark;
    private final ObjectStore store;
    private final Clock clock;

    ExportJobs(ExportJobTable table, RecordReader reader, Catalogue catalogue, PackageExporter bagit,
            EarkExports eark, ObjectStore store, Clock clock) {
        this.table = table;
        this.reader = reader;
        this.catalogue = catalogue;
        this.bagit = bagit;
        this.eark = eark;
        this.store = store;
        this.clock = clock;
    }

    ExportJob start(ExportRequest request) {
        Objects.requireNonNull(request, "request");
        sweepExpired();
        // Refused before the job exists: an unknown record or file is the request's 404, not a failed job.
        int total;
        if (request.recordId() != null) {
            reader.activeRow(request.recordId());
            total = 1;
        } else {
            total = catalogue.inFile(request.fondCode(), request.fileCode()).size();
            if (total == 0) {
                throw new ArchiveException(ArchiveError.FILE_NOT_FOUND, "no archived record in file "
                        + request.fileCode() + " of fond " + request.fondCode());
            }
        }
        long id = table.insert(request, total, clock.instant());
        // The answer is the job as recorded at its start, read before the worker can move it on: a small
        // export may otherwise already be DONE when the 202 answer is written.
        ExportJob recorded = table.find(id).orElseThrow().job();
        Thread worker = new Thread(() -> build(id, request), "archive-export-" + id);
        worker.setDaemon(true);
        worker.start();
        return recorded;
    }

    Optional<ExportJob> job(long id, String organisation) {
        table.interruptStale(clock.instant(), clock.instant().minus(STALE));
        return visible(id, organisation).map(ExportJobTable.Row::job);
    }

    StoredFile result(long id, String organisation) {
        ExportJobTable.Row row = visible(id, organisation).orElseThrow(() -> new ArchiveException(
                ArchiveError.EXPORT_NOT_READY, "no export job " + id));
        if (row.job().state() != JobState.DONE || row.resultKey() == null) {
            throw new ArchiveException(ArchiveError.EXPORT_NOT_READY, "export job " + id + " is "
                    + row.job().state() + (row.job().message() == null ? "" : ": " + row.job().message()));
        }
        try {
            return new StoredFile(row.job().resultName(), row.resultType(), store.read(row.resultKey()));
        } catch (RuntimeException e) {
            throw StoredObjects.failure(e);
        }
    }

    private Optional<ExportJobTable.Row> visible(long id, String organisation) {
        // The same organisation, or none on both sides (access control off): a caller who acts for no
        // organisation sees no organisation's packages.
        return table.find(id).filter(r -> Objects.equals(organisation, r.organisation()));
    }

    private void build(long id, ExportRequest r) {
        try {
            Runnable recordDone = () -> table.progress(id, clock.instant());
            StoredFile file;
            if (r.format() == ExportFormat.BAGIT) {
                file = r.recordId() != null ? bagit.exportRecord(r.recordId())
                        : bagit.exportFile(r.fondCode(), r.fileCode(), recordDone);
            } else {
                file = r.recordId() != null ? eark.record(reader.activeRow(r.recordId()))
                        : eark.file(r.fondCode(), r.fileCode(), recordDone);
            }
            table.heartbeat(id, clock.instant());
            String key = PREFIX + id + ".zip";
            store.put(key, file.content(), ObjectStore.PutOptions.of(file.mediaType()));
            table.done(id, key, file.name(), file.mediaType(), file.content().length, clock.instant());
        } catch (RuntimeException e) {
            // The same mapping as a synchronous export: the job's problem is the cause's own code.
            ArchiveException a = StoredObjects.failure(e);
            log.warn("export job {} failed: {} {}", id, a.error().code(), a.getMessage(), e);
            fail(id, a.error().code(), a.getMessage());
        }
    }

    private void fail(long id, String code, String message) {
        try {
            table.failed(id, code, message, clock.instant());
        } catch (RuntimeException e) {
            // The catalogue is down too: the stale heartbeat will show the job INTERRUPTED.
            log.warn("export job {}: its failure could not be recorded", id, e);
        }
    }

    /** Deletes packages past {@link #KEEP_RESULT}; a store that refuses is tried again next time. */
    private void sweepExpired() {
        List<ExportJobTable.Row> old = table.expiring(clock.instant().minus(KEEP_RESULT));
        for (ExportJobTable.Row row : old) {
            try {
                store.delete(row.resultKey());
                table.expired(row.job().id());
            } catch (RuntimeException e) {
                log.warn("expired export package {} not deleted yet: {}", row.resultKey(), e.toString());
            }
        }
    }
}
