package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;

/**
 * Write intent against the recovery sweep: a renewal's new object, put but not yet in the catalogue,
 * survives a sweep run in exactly that window (run from the store's put hook, so the interleaving is
 * fixed, not timed); abandoned intents are resolved; the sweep reads the bucket in bounded pages.
 */
class WriteIntentTest {

    static HikariDataSource db;
    static HookedStore store;
    static PostgresArchiveService archive;
    static JdbcClient sql;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("intents");
        store = new HookedStore(new InMemoryObjectStore());
        archive = ArchiveFixture.service(db, store);
        sql = JdbcClient.create(db);
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    @Test
    void aSweepBetweenTheRenewalsPutAndItsCatalogueRowLeavesTheNewEvidence() {
        RecordDetails r = archive.ingest(new IngestRequest("321-UBND-VP.pdf", Letters.signed(SignatureLevel.B_B),
                null, Letters.metadata("321/UBND-VP", "Hồ sơ 321", LocalDate.of(2026, 3, 1),
                        PreservationPeriod.permanent(), null), "luu-tru"));
        sql.sql("update record set renew_by = now() - interval '1 day' where id = ?::uuid").param(r.id()).update();
        List<String> sweptDuringPut = new ArrayList<>();
        List<JobReport> sweeps = new ArrayList<>();
        store.afterPut = key -> {
            if (key.contains("/" + ObjectRole.AUGMENTED.wireName() + "-2")) {
                // The object is in the store; its catalogue row is not: exactly the old race's window.
                assertThat(sql.sql("select count(*) from record_object where object_key = ?").param(key)
                        .query(Integer.class).single()).isZero();
                sweeps.add(archive.runJob(JobKind.RECOVERY));
                sweptDuringPut.add(key);
            }
        };
        try {
            JobReport renewal = archive.runJob(JobKind.TIMESTAMP_RENEWAL);

            assertThat(renewal.failed()).isZero();
            assertThat(sweptDuringPut).hasSize(1);
            assertThat(sweeps.get(0).state()).isEqualTo(JobState.DONE);
            assertThat(sweeps.get(0).message()).contains("0 orphaned objects removed");
            String key = sweptDuringPut.get(0);
            assertThat(store.stat(key)).isPresent();
            RecordDetails renewed = archive.record(r.id());
            assertThat(renewed.objects()).filteredOn(o -> o.role() == ObjectRole.AUGMENTED)
                    .extracting(RecordDetails.StoredObject::generation).containsExactly(1, 2);
            // Every object of the record reads back verified, the new generation included.
            assertThat(archive.evidence(r.id()).content()).isNotEmpty();
            assertThat(sql.sql("select count(*) from object_intent").query(Integer.class).single()).isZero();
        } finally {
            store.afterPut = key -> { };
        }
    }

    @Test
    void abandonedIntentsAreResolvedAndTheirObjectsRemovedWhileFreshOnesAreLeft() {
        UUID record = UUID.randomUUID();
        String abandoned = "records/" + record + "/augmented-9-abandoned.pdf";
        String fresh = "records/" + record + "/augmented-9-fresh.pdf";
        for (String key : List.of(abandoned, fresh)) {
            store.put(key, "PDF".getBytes(StandardCharsets.UTF_8), ObjectStore.PutOptions.of("application/pdf"));
        }
        sql.sql("insert into object_intent values (?, ?, 'TIMESTAMP_RENEWAL', now() - interval '1 hour')")
                .params(abandoned, record).update();
        sql.sql("insert into object_intent values (?, ?, 'TIMESTAMP_RENEWAL', now())").params(fresh, record).update();

        JobReport sweep = archive.runJob(JobKind.RECOVERY);

        assertThat(sweep.state()).isEqualTo(JobState.DONE);
        assertThat(store.stat(abandoned)).isEmpty();
        assertThat(store.stat(fresh)).isPresent();
        assertThat(sql.sql("select object_key from object_intent").query(String.class).list())
                .containsExactly(fresh);
        sql.sql("delete from object_intent where object_key = ?").param(fresh).update();
        store.delete(fresh);
    }

    @Test
    void theSweepReadsTheBucketInBoundedPages() {
        int orphans = 2 * PreservationJobs.SWEEP_PAGE + 3;
        for (int i = 0; i < orphans; i++) {
            store.put("records/" + UUID.randomUUID() + "/original-orphan.pdf", new byte[] {1},
                    ObjectStore.PutOptions.of("application/pdf"));
        }
        store.pages.clear();
        store.fullListings = 0;

        JobReport sweep = archive.runJob(JobKind.RECOVERY);

        assertThat(sweep.message()).contains(orphans + " orphaned objects removed");
        assertThat(store.fullListings).isZero();
        assertThat(store.pages).hasSizeGreaterThanOrEqualTo(3).allMatch(n -> n <= PreservationJobs.SWEEP_PAGE);
    }

    /** The in-memory store with a hook after each put and a count of how the sweep lists. */
    static final class HookedStore implements ObjectStore {
        final InMemoryObjectStore inner;
        volatile Consumer<String> afterPut = key -> { };
        final List<Integer> pages = new ArrayList<>();
        int fullListings;

        HookedStore(InMemoryObjectStore inner) {
            this.inner = inner;
        }

        @Override
        public ObjectInfo put(String key, byte[] content, PutOptions options) {
            ObjectInfo info = inner.put(key, content, options);
            afterPut.accept(key);
            return info;
        }

        @Override
        public InputStream open(String key) {
            return inner.open(key);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return inner.stat(key);
        }

        @Override
        public List<String> list(String prefix) {
            fullListings++;
            return inner.list(prefix);
        }

        @Override
        public List<String> listPage(String prefix, String startAfter, int max) {
            List<String> page = inner.list(prefix).stream()
                    .filter(k -> startAfter == null || k.compareTo(startAfter) > 0).limit(max).toList();
            pages.add(page.size());
            return page;
        }

        @Override
        public void delete(String key) {
            inner.delete(key);
        }

        @Override
        public void extendRetention(String key, Instant retainUntil) {
            inner.extendRetention(key, retainUntil);
        }

        @Override
        public void setLegalHold(String key, boolean hold) {
            inner.setLegalHold(key, hold);
        }

        @Override
        public Capabilities capabilities() {
            return inner.capabilities();
        }

        @Override
        public boolean isAvailable() {
            return inner.isAvailable();
        }
    }
}
