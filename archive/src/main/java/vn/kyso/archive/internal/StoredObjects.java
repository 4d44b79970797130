package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;

/**
 * The archive's use of the object store: verified reads, parallel puts, quiet deletes and retention.
 * Every store failure leaves here as an {@link ArchiveException} of the archive's error model.
 */
final class StoredObjects {

    private static final Logger log = LoggerFactory.getLogger(StoredObjects.class);

    private final ObjectStore store;
    private final ArchiveWorkers workers;
    private final ArchiveSettings settings;
    private final Clock clock;

    StoredObjects(ObjectStore store, ArchiveWorkers workers, ArchiveSettings settings, Clock clock) {
        this.store = store;
        this.workers = workers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The store itself, for the jobs that list, stat and compare on their own. */
    ObjectStore store() {
        return store;
    }

    byte[] readVerified(ObjectRow o) {
        return readVerified(o.key(), o.sha256(), o.recordId());
    }

    /** Reads an object and refuses to hand it out unless it matches its recorded SHA-256. */
    byte[] readVerified(String key, String sha256, Object recordId) {
        byte[] content;
        try {
            content = store.read(key);
        } catch (ObjectStoreException e) {
            throw failure(e);
        }
        if (!Digests.sha256(content).equals(sha256)) {
            log.error("object {} of record {} does not match its SHA-256", key, recordId);
            throw new ArchiveException(ArchiveError.INTEGRITY_FAILURE,
                    "a stored object of this record does not match its recorded digest; the archivist has been "
                            + "alerted through the log");
        }
        return content;
    }

    /** Reads an object without checking it (a report only shown, never handed out as evidence). */
    byte[] readUnverified(ObjectRow o) {
        return store.read(o.key());
    }

    /** Puts every planned object in parallel, without retention so a failed ingest can be undone. */
    void putAll(List<EvidencePlanner.Planned> planned, List<ObjectRow> rows) {
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            EvidencePlanner.Planned p = planned.get(i);
            ObjectRow r = rows.get(i);
            puts.add(CompletableFuture.runAsync(() -> store.put(r.key(), p.content(),
                    ObjectStore.PutOptions.of(p.mediaType())), workers.io()));
        }
        try {
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw failure(e.getCause() != null ? e.getCause() : e);
        }
    }

    void put(ObjectRow o, byte[] content) {
        store.put(o.key(), content, ObjectStore.PutOptions.of(o.mediaType()));
    }

    void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (ObjectStoreException e) {
            if (e.reason() != ObjectStoreException.Reason.NOT_FOUND) {
                throw failure(e);
            }
        }
    }

    /** Sets retention on the objects of a record that just became active (written here without any). */
    void protect(CatalogueRow row, List<ObjectRow> rows) {
        Instant until = retainUntil(row);
        if (until == null) {
            return;
        }
        try {
            CompletableFuture.allOf(rows.stream().map(r -> CompletableFuture.runAsync(
                    () -> store.retainNew(r.key(), until), workers.io())).toArray(CompletableFuture[]::new))
                    .join();
        } catch (CompletionException e) {
            // The record is complete; the next fixity check sets any retention still missing.
            log.warn("retention of record {} not set yet: {}", row.id(), String.valueOf(e.getCause()));
        }
    }

    void setLegalHold(List<ObjectRow> rows, boolean hold) {
        for (ObjectRow o : rows) {
            try {
                store.setLegalHold(o.key(), hold);
            } catch (ObjectStoreException e) {
                throw failure(e);
            }
        }
    }

    /** Until when a record's objects are retained, or null once its period has ended. */
    Instant retainUntil(CatalogueRow row) {
        return EvidencePlanner.retainUntil(row, settings, clock.instant());
    }

    static ArchiveException failure(Throwable e) {
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
}
