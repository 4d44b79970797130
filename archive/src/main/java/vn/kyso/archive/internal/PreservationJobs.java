package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.PostgresArchiveService.AUGMENTED;
import static vn.kyso.archive.internal.PostgresArchiveService.ORIGINAL;
import static vn.kyso.archive.internal.PostgresArchiveService.extension;
import static vn.kyso.archive.internal.PostgresArchiveService.latest;
import static vn.kyso.archive.internal.PostgresArchiveService.stem;
import static vn.kyso.archive.internal.PostgresArchiveService.storeFailure;

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

    private final PostgresArchiveService archive;
    private final Catalogue catalogue;
    private final ObjectStore store;
    private final ValidationService validation;
    private final SigningService signing;
    private final ArchiveSettings settings;
    private final Clock clock;

    PreservationJobs(PostgresArchiveService archive, Catalogue catalogue, ObjectStore store,
            ValidationService validation, SigningService signing, ArchiveSettings settings, Clock clock) {
        this.archive = archive;
        this.catalogue = catalogue;
        this.store = store;
        this.validation = validation;
        this.signing = signing;
        this.settings = settings;
        this.clock = clock;
    }

    JobReport run(JobKind kind) {
        Instant now = clock.instant();
        int total = switch (kind) {
            case RECOVERY -> catalogue.pendingOlderThan(now.minus(settings.recoveryGrace())).size()
                    + catalogue.acceptedOlderThan(now.minus(settings.recoveryGrace())).size();
            case TIMESTAMP_RENEWAL -> catalogue.dueForRenewal(now).size();
            default -> catalogue.countActive();
        };
        JobReport run = catalogue.startJob(kind, now, now.minus(settings.jobStaleAfter()), total);
        if (run == null) {
            throw new ArchiveException(ArchiveError.JOB_ALREADY_RUNNING, "a " + kind + " job is already running");
        }
        try {
            String message = switch (kind) {
                case FIXITY -> eachRecord(run, this::fixity);
                case REVALIDATION -> eachRecord(run, this::revalidate);
                case TIMESTAMP_RENEWAL -> eachOf(run, catalogue.dueForRenewal(now), this::renew);
                case RECOVERY -> recover(run, now);
            };
            return catalogue.finishJob(run.id(), "DONE", message, clock.instant());
        } catch (RuntimeException e) {
            log.warn("{} job {} failed: {}", kind, run.id(), e.toString());
            try {
                return catalogue.finishJob(run.id(), "FAILED", e.getMessage(), clock.instant());
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
        UUID cursor = catalogue.jobCursor(run.id());
        int failed = 0;
        int done = 0;
        while (true) {
            List<UUID> batch = catalogue.activeIdsAfter(cursor, 100);
            if (batch.isEmpty()) {
                break;
            }
            for (UUID id : batch) {
                boolean ok = step.apply(id);
                catalogue.jobProgress(run.id(), id, !ok, clock.instant());
                failed += ok ? 0 : 1;
                done++;
                cursor = id;
            }
        }
        return done + " records checked, " + failed + " failed";
    }

    private String eachOf(JobReport run, List<UUID> ids, RecordStep step) {
        UUID cursor = catalogue.jobCursor(run.id());
        int failed = 0;
        int done = 0;
        for (UUID id : ids) {
            if (cursor != null && id.compareTo(cursor) <= 0) {
                continue;
            }
            boolean ok = step.apply(id);
            catalogue.jobProgress(run.id(), id, !ok, clock.instant());
            failed += ok ? 0 : 1;
            done++;
        }
        return done + " records renewed or tried, " + failed + " failed";
    }

    private boolean fixity(UUID id) {
        Instant now = clock.instant();
        List<String> faults = new ArrayList<>();
        Catalogue.Row row = catalogue.find(id).orElseThrow();
        Instant until = archive.retainUntil(row);
        int retained = 0;
        for (Catalogue.ObjectRow o : catalogue.objects(id)) {
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
                    throw storeFailure(e);
                }
                faults.add(o.role() + "-" + o.generation() + ": " + e.reason().name().toLowerCase());
            }
        }
        catalogue.updateFixity(id, now);
        String detail = faults.isEmpty() ? "every object matches its SHA-256 and SHA-512" : String.join("; ", faults);
        if (retained > 0) {
            detail += "; retention set on " + retained + " object(s) that lacked it";
        }
        catalogue.event(id, now, "FIXITY", faults.isEmpty() ? "OK" : "FAILED", detail, "system");
        if (!faults.isEmpty()) {
            log.error("fixity check of record {} failed: {}", id, faults);
        }
        return faults.isEmpty();
    }

    private boolean revalidate(UUID id) {
        Catalogue.Row row = catalogue.find(id).orElseThrow();
        List<Catalogue.ObjectRow> objects = catalogue.objects(id);
        Catalogue.ObjectRow subject = current(objects);
        Instant now = clock.instant();
        if ("UNSIGNED".equals(row.verdict())) {
            catalogue.event(id, now, "REVALIDATION", "OK", "unsigned record: nothing to validate", "system");
            return true;
        }
        try {
            ValidationReport report = validation.validate(new ValidationRequest(
                    new SignedFile(subject.name(), archive.readVerified(subject)), List.of(), null)
                    .withEtsiReport(false)).report();
            catalogue.updateValidation(id, report.verdict().name(), now);
            boolean ok = report.verdict() != Verdict.INVALID;
            catalogue.event(id, now, "REVALIDATION", report.verdict().name(), report.summary().en(), "system");
            return ok;
        } catch (ValidationException e) {
            catalogue.event(id, now, "REVALIDATION", "FAILED", e.getMessage(), "system");
            return false;
        }
    }

    private boolean renew(UUID id) {
        Catalogue.Row row = catalogue.find(id).orElseThrow();
        List<Catalogue.ObjectRow> objects = catalogue.objects(id);
        Catalogue.ObjectRow source = current(objects);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            SignedDocument renewed = signing.augment(new AugmentRequest(
                    new Document(source.name(), archive.readVerified(source)), SignatureLevel.B_LTA));
            ValidationReport report = validation.validate(new ValidationRequest(
                    new SignedFile(source.name(), renewed.content()), List.of(), null).withEtsiReport(false)).report();
            PostgresArchiveService.Evidence evidence = PostgresArchiveService.Evidence.of(report, settings);
            int generation = objects.stream().filter(o -> o.role().equals(AUGMENTED))
                    .mapToInt(Catalogue.ObjectRow::generation).max().orElse(0) + 1;
            String name = stem(row.originalName()) + "-lta" + extension(row.originalName(), row.mediaType());
            var p = new PostgresArchiveService.Planned(AUGMENTED, generation, name, renewed.mediaType(),
                    renewed.content());
            Catalogue.ObjectRow o = archive.objectRow(id, p, now);
            store.put(o.key(), p.content(), ObjectStore.PutOptions.of(p.mediaType()));
            catalogue.renewed(o, evidence.lastTimestamp(), evidence.renewBy(),
                    "archive time-stamp added (generation " + generation + "), next renewal by " + evidence.renewBy());
            Instant until = archive.retainUntil(row);
            if (until != null) {
                store.extendRetention(o.key(), until);
            }
            return true;
        } catch (SigningException | ValidationException | ObjectStoreException e) {
            catalogue.event(id, now, "TIMESTAMP_RENEWAL", "FAILED", e.getMessage(), "system");
            return false;
        }
    }

    private String recover(JobReport run, Instant now) {
        int completed = 0;
        int rolledBack = 0;
        for (UUID id : catalogue.pendingOlderThan(now.minus(settings.recoveryGrace()))) {
            List<Catalogue.ObjectRow> rows = catalogue.objects(id);
            boolean all = rows.stream().allMatch(this::storedIntact);
            if (all) {
                Catalogue.Row row = catalogue.find(id).orElseThrow();
                catalogue.activate(id, clock.instant(), "recovery",
                        "completed by recovery after an interrupted ingest");
                archive.protect(row, rows);
                completed++;
            } else {
                rows.forEach(r -> archive.deleteQuietly(r.key()));
                catalogue.deletePending(id);
                rolledBack++;
            }
            catalogue.jobProgress(run.id(), id, false, clock.instant());
        }
        // Accepted ingests whose background processing was lost (crash, full queue) or put off (outage).
        for (UUID id : catalogue.acceptedOlderThan(now.minus(settings.recoveryGrace()))) {
            List<Catalogue.ObjectRow> rows = catalogue.objects(id);
            if (latest(rows, ORIGINAL).map(this::storedIntact).orElse(false)) {
                archive.processAccepted(id);
                if (catalogue.find(id).map(r -> r.state().equals("ACTIVE")).orElse(false)) {
                    completed++;
                }
            } else {
                for (Catalogue.ObjectRow r : rows) {
                    archive.deleteQuietly(r.key());
                }
                catalogue.deletePending(id);
                rolledBack++;
            }
        }
        // Objects no catalogue row names: left by an ingest whose row was already rolled back.
        int orphans = 0;
        for (String key : store.list("records/")) {
            if (!catalogue.knowsObjectKey(key)) {
                Optional<ObjectStore.ObjectInfo> info = store.stat(key);
                if (info.isPresent() && info.get().retainUntil() == null && !info.get().legalHold()) {
                    store.delete(key);
                    orphans++;
                }
            }
        }
        return completed + " interrupted ingests completed, " + rolledBack + " rolled back, " + orphans
                + " orphaned objects removed";
    }

    private boolean storedIntact(Catalogue.ObjectRow r) {
        try {
            return store.stat(r.key()).isPresent() && Digests.of(store.read(r.key())).sha256().equals(r.sha256());
        } catch (ObjectStoreException e) {
            if (e.reason() == ObjectStoreException.Reason.UNAVAILABLE) {
                throw storeFailure(e);
            }
            return false;
        }
    }

    /** The newest long-term copy, or the original when the archive added no evidence. */
    private static Catalogue.ObjectRow current(List<Catalogue.ObjectRow> objects) {
        return latest(objects, AUGMENTED)
                .orElseGet(() -> latest(objects, ORIGINAL).orElseThrow());
    }
}
