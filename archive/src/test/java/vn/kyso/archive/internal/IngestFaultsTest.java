package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.internal.store.MinioObjectStore;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;
import java.util.concurrent.atomic.AtomicReference;
import vn.kyso.core.testing.Eventually;

/**
 * The object store or the database going down in the middle of an ingest, with a real S3 server
 * (S3Mock in {@link IngestFaultsOnS3MockTest}, Ceph RGW in {@link IngestFaultsOnCephTest}) and a
 * PostgreSQL server of this test's own: the ingest fails cleanly, and after recovery there is never a
 * catalogue entry without its objects nor an object without its entry.
 */
abstract class IngestFaultsTest {

    /** An S3 server a test can take down hard and bring back with its objects. */
    interface StoreServer extends AutoCloseable {
        /** The adapter's settings on this server; the same bucket on every call. */
        MinioSettings settings();

        void stop();

        void start();

        @Override
        void close();
    }

    static StoreServer s3;
    static LocalPostgres postgres;
    static HikariDataSource db;
    static MinioObjectStore minio;
    static final Trigger trigger = new Trigger();
    static PostgresArchiveService archive;

    static void start(StoreServer server) throws Exception {
        Path dir = Files.createTempDirectory("kyso-faults-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        s3 = server;
        postgres = LocalPostgres.start(dir.resolve("pg"), 0, false);
        db = ArchiveFixture.dataSource(postgres.jdbcUrl("faults"));
        minio = new MinioObjectStore(s3.settings().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(3)));
        trigger.delegate = minio;
        archive = ArchiveFixture.service(db, trigger, ArchiveSettings.defaults().withRecoveryGrace(Duration.ZERO),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
        postgres.close();
        s3.close();
    }

    int rows(String sql) {
        return JdbcClient.create(db).sql(sql).query(Integer.class).single();
    }

    @Test
    void storeDownMidIngestFailsCleanlyAndRecoveryRemovesWhatWasWritten() {
        int recordsBefore = rows("select count(*) from record where state <> 'PENDING'");
        int pendingBefore = rows("select count(*) from record where state = 'PENDING'");
        List<String> objectsBefore = minio.list("records/");
        // The third put finds the store down: two are in flight or done, the rest wait for the outage.
        trigger.beforePut(3, () -> s3.stop());

        assertThatThrownBy(() -> archive.ingest(new IngestRequest("a.pdf", Letters.signed(SignatureLevel.B_B), null,
                Letters.metadata("201/UBND-VP", "Mất kết nối kho lưu trữ"), "van-thu")))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.STORAGE_UNAVAILABLE));
        // Either the undo reached the store before it died, or the PENDING row stays to tell recovery
        // what to clean; which one depends on how far the parallel puts got.
        assertThat(rows("select count(*) from record where state = 'PENDING'")).isLessThanOrEqualTo(pendingBefore + 1);
        assertThat(archive.search(vn.kyso.archive.RecordQuery.text("\"ket noi kho\"")).total())
                .as("a PENDING record is never visible").isZero();

        s3.start();
        JobReport recovery = recover();

        assertThat(recovery.state()).isEqualTo(vn.kyso.archive.JobState.DONE);
        assertThat(rows("select count(*) from record")).isEqualTo(recordsBefore);
        assertThat(rows("select count(*) from record where state = 'PENDING'")).isZero();
        assertThat(minio.list("records/")).containsExactlyInAnyOrderElementsOf(objectsBefore);
        // And the same document goes in once the store is back.
        RecordDetails r = archive.ingest(new IngestRequest("a.pdf", Letters.signed(SignatureLevel.B_LTA), null,
                Letters.metadata("201/UBND-VP", "Mất kết nối kho lưu trữ"), "van-thu"));
        assertThat(r.state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertEveryEntryHasItsObjectsAndBack();
    }

    @Test
    void databaseDownAfterTheObjectsAreWrittenCompletesLater() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        // original, validation, validation-etsi, manifest
        trigger.afterPuts(4, () -> postgres.close());

        assertThatThrownBy(() -> archive.ingest(new IngestRequest("b.pdf", letter, null,
                Letters.metadata("202/UBND-VP", "Mất kết nối cơ sở dữ liệu"), "van-thu")))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.CATALOGUE_UNAVAILABLE));
        assertThatThrownBy(() -> archive.search(vn.kyso.archive.RecordQuery.text("x")))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.CATALOGUE_UNAVAILABLE));

        postgres.restart();
        JobReport recovery = recover();

        assertThat(recovery.state()).isEqualTo(vn.kyso.archive.JobState.DONE);
        String id = JdbcClient.create(db).sql("select id::text from record where number_symbol = '202/UBND-VP'")
                .query(String.class).single();
        RecordDetails r = archive.record(id);
        assertThat(r.state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertThat(archive.content(id).content()).isEqualTo(letter);
        assertThat(r.history()).extracting(RecordDetails.HistoryEvent::actor).contains("recovery");
        assertEveryEntryHasItsObjectsAndBack();
    }

    @Test
    void aRestartedServiceKeepsEverything() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        RecordDetails r = archive.ingest(new IngestRequest("c.pdf", letter, null,
                Letters.metadata("203/UBND-VP", "Khởi động lại"), "van-thu"));

        postgres.restart();
        s3.stop();
        s3.start();
        MinioObjectStore freshStore = new MinioObjectStore(s3.settings());
        try (PostgresArchiveService restarted = ArchiveFixture.service(db, freshStore)) {
            assertThat(restarted.record(r.id())).isEqualTo(r);
            assertThat(restarted.content(r.id()).content()).isEqualTo(letter);
            assertThat(restarted.search(vn.kyso.archive.RecordQuery.text("khoi dong lai")).total()).isEqualTo(1);
        }
    }

    /**
     * Issue #13: a client that retries after a storage 503 must not get a 409 naming the failed
     * ingest's record (which recovery then rolls back): the failed ingest takes its row with it, and a
     * retry that meets an ingest still in flight is told to try again (503), not that the bytes are archived.
     */
    @Test
    void aRetryAfterAStorage503IsNeverAFalseConflict() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        String sha256 = Digests.sha256(letter);
        IngestRequest request = new IngestRequest("d.pdf", letter, null,
                Letters.metadata("204/UBND-VP", "Thử lại sau lỗi kho"), "van-thu");
        AtomicReference<RuntimeException> whileInFlight = new AtomicReference<>();
        trigger.beforePut(1, () -> {
            // The same bytes again while the first ingest's row is PENDING and its puts not done.
            try {
                archive.ingest(request);
            } catch (RuntimeException e) {
                whileInFlight.set(e);
            }
            s3.stop();
        });

        assertThatThrownBy(() -> archive.ingest(request)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.error()).isEqualTo(ArchiveError.STORAGE_UNAVAILABLE));
        assertThat(whileInFlight.get()).isInstanceOfSatisfying(ArchiveException.class, e -> {
            assertThat(e.error()).isEqualTo(ArchiveError.INGEST_PENDING);
            assertThat(e.error().kind()).isEqualTo(vn.kyso.core.ErrorKind.UNAVAILABLE);
            assertThat(e.details()).containsKey("detailVi");
        });
        assertThat(rows("select count(*) from record where original_sha256 = '" + sha256 + "'"))
                .as("the failed ingest took its row with it").isZero();
        // A retry while the store is still down: the same 503, not a 409.
        assertThatThrownBy(() -> archive.ingest(request)).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.error()).isEqualTo(ArchiveError.STORAGE_UNAVAILABLE));

        s3.start();
        // The retry once the store is back, before any recovery run: archived, once. A server just restarted
        // (Ceph RGW) may still time out for a moment: the client retries on 503 as Retry-After says, and
        // every answer before the 201 is that 503, never a conflict.
        List<ArchiveError> refusals = new java.util.ArrayList<>();
        RecordDetails r;
        try {
            r = Eventually.until(Duration.ofSeconds(90), Duration.ofSeconds(1), () -> {
                try {
                    return archive.ingest(request);
                } catch (ArchiveException e) {
                    refusals.add(e.error());
                    return null;
                }
            }, details -> details != null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(refusals).as("answers before the store was back")
                .allSatisfy(error -> assertThat(error).isEqualTo(ArchiveError.STORAGE_UNAVAILABLE));
        assertThat(r).as("archived once the store answers; refused meanwhile: %s", refusals).isNotNull();

        assertThat(r.state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertThat(rows("select count(*) from record where original_sha256 = '" + sha256 + "'")).isOne();
        recover();
        assertThat(archive.record(r.id()).state()).isEqualTo(vn.kyso.archive.RecordState.ACTIVE);
        assertThat(rows("select count(*) from record where original_sha256 = '" + sha256 + "'")).isOne();
        assertEveryEntryHasItsObjectsAndBack();
    }

    /**
     * Runs recovery as the scheduler would, every little while until a run gets through: right after
     * a restart the pool may still hand out a connection the old server closed, and that run fails
     * with CATALOGUE_UNAVAILABLE like any request would.
     */
    JobReport recover() {
        AtomicReference<ArchiveException> last = new AtomicReference<>();
        JobReport report;
        try {
            report = Eventually.until(Duration.ofSeconds(10), Duration.ofMillis(500), () -> {
                try {
                    return archive.runJob(JobKind.RECOVERY);
                } catch (ArchiveException e) {
                    last.set(e);
                    return null;
                }
            }, r -> r != null && r.state() == vn.kyso.archive.JobState.DONE);
        } catch (Exception e) {
            throw new AssertionError("recovery never got through", e);
        }
        if (report != null && report.state() == vn.kyso.archive.JobState.DONE) {
            return report;
        }
        throw new AssertionError("recovery never got through", last.get());
    }

    void assertEveryEntryHasItsObjectsAndBack() {
        List<String> keys = JdbcClient.create(db).sql("select object_key from record_object o join record r "
                + "on r.id = o.record_id where r.state = 'ACTIVE'").query(String.class).list();
        assertThat(minio.list("records/")).containsExactlyInAnyOrderElementsOf(keys);
    }

    /** Passes calls through and runs an action (an outage) once a number of puts has completed. */
    static final class Trigger implements ObjectStore {
        ObjectStore delegate;
        final AtomicInteger remaining = new AtomicInteger(-1);
        volatile Runnable action;

        final AtomicInteger started = new AtomicInteger();
        volatile Runnable before;
        volatile int beforeNumber;

        void afterPuts(int n, Runnable action) {
            this.action = action;
            remaining.set(n);
        }

        /**
         * Runs {@code action} when put number {@code n} starts, before it reaches the store; puts that
         * start meanwhile wait for it. Unlike a count of finished puts this does not depend on how
         * fast the server answers the parallel puts (Ceph RGW finished them all before the old
         * trigger's outage took hold).
         */
        void beforePut(int n, Runnable action) {
            started.set(0);
            beforeNumber = n;
            before = action;
        }

        @Override
        public ObjectInfo put(String key, byte[] content, PutOptions options) {
            if (before != null) {
                synchronized (this) {
                    if (before != null && started.incrementAndGet() == beforeNumber) {
                        before.run();
                        before = null;
                    }
                }
            }
            ObjectInfo info = delegate.put(key, content, options);
            if (remaining.decrementAndGet() == 0) {
                action.run();
            }
            return info;
        }

        @Override
        public InputStream open(String key) {
            return delegate.open(key);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return delegate.stat(key);
        }

        @Override
        public List<String> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public void delete(String key) {
            delegate.delete(key);
        }

        @Override
        public void extendRetention(String key, Instant retainUntil) {
            delegate.extendRetention(key, retainUntil);
        }

        @Override
        public void setLegalHold(String key, boolean hold) {
            delegate.setLegalHold(key, hold);
        }

        @Override
        public Capabilities capabilities() {
            return delegate.capabilities();
        }

        @Override
        public boolean isAvailable() {
            return delegate.isAvailable();
        }
    }
}
