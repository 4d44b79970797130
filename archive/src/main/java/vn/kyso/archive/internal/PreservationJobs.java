package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * The preservation jobs: fixity, re-validation, time-stamp renewal and recovery of interrupted
 * ingests. Each run visits records in id order and records its cursor after every record, so a
 * crashed run is resumed by the next one; one run per kind at a time.
 */
final class PreservationJobs {

    private static final Logger log = LoggerFactory.getLogger(PreservationJobs.class);

    /** Keys the recovery sweep reads from the store and checks against the catalogue at a time. */
    static final int SWEEP_PAGE = 500;

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final WriteIntents intents;
    private final HistoryTable history;
    private final JobTable jobs;
    private final StoredObjects objects;
    private final ObjectStore store;
    private final IngestPipeline ingest;
    private final EvidencePlanner planner;
    private final ValidationService validation;
    private final SigningService signing;
    private final ArchiveSettings settings;
    private final Clock clock;
    private final EvidenceRecordJob evidenceRecords;

    PreservationJobs(Catalogue catalogue, ObjectTable objectTable, WriteIntents intents, HistoryTable history,
            JobTable jobs,
            StoredObjects objects, IngestPipeline ingest, EvidencePlanner planner, ValidationService validation,
            SigningService signing, ArchiveSettings settings, Clock clock, EvidenceRecordJob evidenceRecords) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.intents = intents;
        this.history = history;
        this.jobs = jobs;
        this.objects = objects;
        this.store = objects.store();
        this.ingest = ingest;
        this.planner = planner;
        this.validation = validation;
        this.signing = signing;
        this.settings = settings;
        this.clock = clock;
        this.evidenceRecords = evidenceRecords;
    }

    JobReport run(JobKind kind) {
        return proceed(begin(kind));
    }

    /**
     * Records a new run of {@code kind} (RUNNING, resuming an interrupted one) without doing its work, so
     * a caller can hand the run's id out before {@link #proceed} visits the records.
     */
    JobReport begin(JobKind kind) {
        Instant now = clock.instant();
        int total = switch (kind) {
            case RECOVERY -> catalogue.pendingOlderThan(now.minus(settings.recoveryGrace())).size()
                    + catalogue.acceptedOlderThan(now.minus(settings.recoveryGrace())).size();
            case TIMESTAMP_RENEWAL -> catalogue.dueForRenewal(now).size();
            default -> catalogue.countActive();
        };
        JobReport run = jobs.start(kind, now, now.minus(settings.jobStaleAfter()), total);
        if (run == null) {
            throw new ArchiveException(ArchiveError.JOB_ALREADY_RUNNING, "a " + kind + " job is already running");
        }
        return run;
    }

    /** Does the work of a run {@link #begin} recorded, and records how it ended. */
    JobReport proceed(JobReport run) {
        JobKind kind = run.kind();
        Instant now = run.startedAt();
        try {
            String message = switch (kind) {
                case FIXITY -> eachRecord(run, this::fixity);
                case REVALIDATION -> eachRecord(run, this::revalidate);
                case TIMESTAMP_RENEWAL -> eachOf(run, catalogue.dueForRenewal(now), this::renew);
                case RECOVERY -> recover(run, now);
                case EVIDENCE_RECORDS -> evidenceRecords.run();
            };
            return jobs.finish(run.id(), JobState.DONE, message, clock.instant());
        } catch (RuntimeException e) {
            log.warn("{} job {} failed: {}", kind, run.id(), e.toString());
            try {
                return jobs.finish(run.id(), JobState.FAILED, e.getMessage(), clock.instant());
            } catch (RuntimeException again) {
                throw e;
            }
        }
    }

    /** One record's step of a job: true if it passed. */
    @FunctionalInterface
    interface RecordStep {
        boolean apply(UUID id);
    }

    private String eachRecord(JobReport run, RecordStep step) {
        UUID cursor = jobs.cursor(run.id());
        int failed = 0;
        int done = 0;
        while (true) {
            List<UUID> batch = catalogue.activeIdsAfter(cursor, 100);
            if (batch.isEmpty()) {
                break;
            }
            for (UUID id : batch) {
                boolean ok = step.apply(id);
                jobs.progress(run.id(), id, !ok, clock.instant());
                failed += ok ? 0 : 1;
                done++;
                cursor = id;
            }
        }
        return done + " records checked, " + failed + " failed";
    }

    private String eachOf(JobReport run, List<UUID> ids, RecordStep step) {
        UUID cursor = jobs.cursor(run.id());
        int failed = 0;
        int done = 0;
        for (UUID id : ids) {
            if (cursor != null && id.compareTo(cursor) <= 0) {
                continue;
            }
            boolean ok = step.apply(id);
            jobs.progress(run.id(), id, !ok, clock.instant());
            failed += ok ? 0 : 1;
            done++;
        }
        return done + " records renewed or tried, " + failed + " failed";
    }

    private boolean fixity(UUID id) {
        Instant now = clock.instant();
        List<String> faults = new ArrayList<>();
        CatalogueRow row = catalogue.find(id).orElseThrow();
        Instant until = objects.retainUntil(row);
        int retained = 0;
        for (ObjectRow o : objectTable.of(id)) {
            try {
                Digests d = Digests.of(store.read(o.key()));
                if (!d.sha256().equals(o.sha256()) || !d.sha512().equals(o.sha512())) {
                    faults.add(o.role() + "-" + o.generation() + ": digest differs");
                }
                Optional<ObjectStore.ObjectInfo> info = store.stat(o.key());
                if (until != null && info.isPresent() && (info.get().retainUntil() == null
                        || info.get().retainUntil().isBefore(until.minusSeconds(1)))) {
                    // An ingest whose retention call failed (the store blinked after the record was complete).
                    store.extendRetention(o.key(), until);
                    retained++;
                }
            } catch (ObjectStoreException e) {
                if (e.reason() == ObjectStoreException.Reason.UNAVAILABLE) {
                    throw StoredObjects.failure(e);
                }
                faults.add(o.role() + "-" + o.generation() + ": " + e.reason().name().toLowerCase());
            }
        }
        catalogue.updateFixity(id, now);
        String detail = faults.isEmpty() ? "every object matches its SHA-256 and SHA-512" : String.join("; ", faults);
        if (retained > 0) {
            detail += "; retention set on " + retained + " object(s) that lacked it";
        }
        history.add(id, now, "FIXITY", faults.isEmpty() ? "OK" : "FAILED", detail, "system");
        if (!faults.isEmpty()) {
            log.error("fixity check of record {} failed: {}", id, faults);
        }
        return faults.isEmpty();
    }

    private boolean revalidate(UUID id) {
        CatalogueRow row = catalogue.find(id).orElseThrow();
        List<ObjectRow> rows = objectTable.of(id);
        ObjectRow subject = ObjectRow.current(rows);
        Instant now = clock.instant();
        if (row.findings().verdict() == Verdict.UNSIGNED) {
            history.add(id, now, "REVALIDATION", "OK", "unsigned record: nothing to validate", "system");
            return true;
        }
        try {
            ValidationReport report = validation.validate(new ValidationRequest(
                    new SignedFile(subject.name(), objects.readVerified(subject)), List.of(), null)
                    .withEtsiReport(false)).report();
            catalogue.updateValidation(id, report.verdict(), now);
            boolean ok = report.verdict() != Verdict.INVALID;
            history.add(id, now, "REVALIDATION", report.verdict().name(), report.summary().en(), "system");
            return ok;
        } catch (ValidationException e) {
            history.add(id, now, "REVALIDATION", "FAILED", e.getMessage(), "system");
            return false;
        }
    }

    private boolean renew(UUID id) {
        CatalogueRow row = catalogue.find(id).orElseThrow();
        List<ObjectRow> rows = objectTable.of(id);
        ObjectRow source = ObjectRow.current(rows);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            SignedDocument renewed = signing.augment(new AugmentRequest(
                    new Document(source.name(), objects.readVerified(source)), SignatureLevel.B_LTA));
            ValidationReport report = validation.validate(new ValidationRequest(
                    new SignedFile(source.name(), renewed.content()), List.of(), null).withEtsiReport(false)).report();
            EvidencePlanner.Evidence evidence = planner.evidence(report);
            EvidencePlanner.Planned p = EvidencePlanner.renewal(row, rows, renewed);
            ObjectRow o = p.row(id, now);
            // Intent first: between the put and the catalogue row the key is unknown, and the recovery
            // sweep (on any instance) must not take it for an orphan.
            intents.declare(o.key(), id, "TIMESTAMP_RENEWAL", clock.instant());
            objects.put(o, p.content());
            catalogue.renewed(o, evidence.lastTimestamp(), evidence.renewBy(), "archive time-stamp added (generation "
                    + p.generation() + "), next renewal by " + evidence.renewBy());
            intents.resolve(o.key());
            Instant until = objects.retainUntil(row);
            if (until != null) {
                store.extendRetention(o.key(), until);
            }
            return true;
        } catch (SigningException | ValidationException | ObjectStoreException e) {
            history.add(id, now, "TIMESTAMP_RENEWAL", "FAILED", e.getMessage(), "system");
            return false;
        }
    }

    private String recover(JobReport run, Instant now) {
        int completed = 0;
        int rolledBack = 0;
        for (UUID id : catalogue.pendingOlderThan(now.minus(settings.recoveryGrace()))) {
            List<ObjectRow> rows = objectTable.of(id);
            boolean all = rows.stream().allMatch(this::storedIntact);
            if (all) {
                CatalogueRow row = catalogue.find(id).orElseThrow();
                catalogue.activate(id, clock.instant(), "recovery",
                        "completed by recovery after an interrupted ingest");
                objects.protect(row, rows);
                completed++;
            } else {
                rows.forEach(r -> objects.deleteQuietly(r.key()));
                catalogue.deletePending(id);
                rolledBack++;
            }
            jobs.progress(run.id(), id, false, clock.instant());
        }
        // Accepted ingests whose background processing was lost (crash, full queue) or put off (outage).
        for (UUID id : catalogue.acceptedOlderThan(now.minus(settings.recoveryGrace()))) {
            List<ObjectRow> rows = objectTable.of(id);
            if (ObjectRow.latest(rows, ObjectRole.ORIGINAL).map(this::storedIntact).orElse(false)) {
                ingest.processAccepted(id);
                if (catalogue.find(id).map(r -> r.state() == RecordState.ACTIVE).orElse(false)) {
                    completed++;
                }
            } else {
                for (ObjectRow r : rows) {
                    objects.deleteQuietly(r.key());
                }
                catalogue.deletePending(id);
                rolledBack++;
            }
        }
        int orphans = sweepOrphans(now.minus(settings.recoveryGrace()));
        return completed + " interrupted ingests completed, " + rolledBack + " rolled back, " + orphans
                + " orphaned objects removed";
    }

    /**
     * Objects no catalogue row and no fresh write intent names: left by an ingest whose row was already
     * rolled back, or by a writer that died between its put and its row. Pages through the bucket
     * ({@link #SWEEP_PAGE} keys, one catalogue query a page), so memory and statements stay bounded
     * whatever the archive's size. Then intents older than the grace are resolved: their object is
     * either in the catalogue now (completed) or was removed above (abandoned).
     */
    private int sweepOrphans(Instant cutoff) {
        int orphans = 0;
        String after = null;
        while (true) {
            List<String> page = store.listPage("records/", after, SWEEP_PAGE);
            for (String key : intents.unclaimedAmong(page, cutoff)) {
                Optional<ObjectStore.ObjectInfo> info = store.stat(key);
                if (info.isPresent() && info.get().retainUntil() == null && !info.get().legalHold()) {
                    store.delete(key);
                    orphans++;
                }
            }
            if (page.size() < SWEEP_PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        for (List<String> old = intents.olderThan(cutoff, SWEEP_PAGE); !old.isEmpty();
                old = intents.olderThan(cutoff, SWEEP_PAGE)) {
            old.forEach(intents::resolve);
        }
        return orphans;
    }

    private boolean storedIntact(ObjectRow r) {
        try {
            return store.stat(r.key()).isPresent() && Digests.of(store.read(r.key())).sha256().equals(r.sha256());
        } catch (ObjectStoreException e) {
            if (e.reason() == ObjectStoreException.Reason.UNAVAILABLE) {
                throw StoredObjects.failure(e);
            }
            return false;
        }
    }
}
