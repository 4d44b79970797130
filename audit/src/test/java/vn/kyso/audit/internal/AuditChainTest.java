package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditException;
import vn.kyso.audit.AuditOutcome;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.ChainVerification.BreakReason;

/** The chain on a real PostgreSQL: clean, edited, deleted, reordered, cut short, and under concurrent writers. */
class AuditChainTest {

    HikariDataSource db;
    PostgresAuditLog log;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.fresh();
        log = new PostgresAuditLog(db, new AuditSettings(null, java.time.Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static AuditEvent event(int i) {
        return new AuditEvent("van-thu-0" + (i % 3), AuditAction.values()[i % AuditAction.values().length],
                "record-" + i, i % 5 == 0 ? AuditOutcome.REFUSED : AuditOutcome.OK, "HTTP 200, lần " + i,
                "10.0.0." + i);
    }

    void appendFive() {
        for (int i = 1; i <= 5; i++) {
            log.append(event(i));
        }
    }

    @Test
    void appendsACleanChainThatVerifies() {
        AuditEntry first = log.append(event(1));
        AuditEntry second = log.append(event(2));
        appendFive();

        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(log.head().sequence()).isEqualTo(7);
        List<AuditEntry> read = log.entries(1, 100);
        assertThat(read).hasSize(7);
        assertThat(read.get(0)).isEqualTo(first);
        assertThat(read.get(1).event().detail()).isEqualTo("HTTP 200, lần 2");
        assertThat(log.entries(6, 1)).extracting(AuditEntry::sequence).containsExactly(6L);

        ChainVerification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(7);
        assertThat(v.firstBroken()).isNull();
        assertThat(v.head().hash()).isEqualTo(read.get(6).hash());
    }

    @Test
    void anEmptyLogVerifies() {
        ChainVerification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isZero();
        assertThat(v.head().sequence()).isZero();
    }

    @Test
    void reportsAnEditedEntry() {
        appendFive();
        AuditDatabase.tamper(db, "kyso_audit_entry",
                "update kyso_audit_entry set actor = 'someone-else' where sequence = 3");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(3);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.EDITED);
        assertThat(v.checked()).isEqualTo(3);
    }

    @Test
    void reportsAnEditedTime() {
        appendFive();
        AuditDatabase.tamper(db, "kyso_audit_entry",
                "update kyso_audit_entry set recorded_at = recorded_at - interval '1 day' where sequence = 4");

        assertThat(log.verify().firstBroken()).satisfies(b -> {
            assertThat(b.sequence()).isEqualTo(4);
            assertThat(b.reason()).isEqualTo(BreakReason.EDITED);
        });
    }

    @Test
    void reportsADeletedEntry() {
        appendFive();
        AuditDatabase.tamper(db, "kyso_audit_entry", "delete from kyso_audit_entry where sequence = 2");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(2);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
        assertThat(v.firstBroken().message()).contains("entries 2 are missing");
    }

    @Test
    void reportsEntriesCutFromTheEnd() {
        appendFive();
        AuditDatabase.tamper(db, "kyso_audit_entry", "delete from kyso_audit_entry where sequence >= 4");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(4);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
    }

    @Test
    void reportsSwappedEntries() {
        appendFive();
        // The whole rows trade places: each keeps its own hashes, so only the links between them break.
        AuditDatabase.tamper(db, "kyso_audit_entry",
                "update kyso_audit_entry set sequence = 1000 where sequence = 3",
                "update kyso_audit_entry set sequence = 3 where sequence = 4",
                "update kyso_audit_entry set sequence = 4 where sequence = 1000");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(3);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.REORDERED);
    }

    @Test
    void reportsAnInsertedEntry() throws Exception {
        appendFive();
        // A forged entry hashed correctly over its own previous hash, slipped in as entry 3 after shifting the rest.
        AuditDatabase.tamper(db, "kyso_audit_entry",
                "update kyso_audit_entry set sequence = sequence + 100 where sequence >= 3",
                "update kyso_audit_entry set sequence = sequence - 99 where sequence >= 103");
        ChainHashing.Fields forged = new ChainHashing.Fields(3, ChainHashing.storable(java.time.Instant.now()),
                "ke-gia-mao", "DISPOSE", "record-9", "OK", null, null);
        byte[] previous = new byte[32];
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into kyso_audit_entry values (3, '" + forged.recordedAt() + "', 'ke-gia-mao', "
                    + "'DISPOSE', 'record-9', 'OK', null, null, decode('" + ChainHashing.hex(previous)
                    + "', 'hex'), decode('" + ChainHashing.hex(ChainHashing.hash(previous, forged)) + "', 'hex'))");
        }

        ChainVerification v = log.verify();
        assertThat(v.firstBroken().sequence()).isEqualTo(3);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.REORDERED);
    }

    /** Eight writers, each appending {@code each} entries through the instance given for it; returns all sequences. */
    static List<Long> appendFromEightThreads(java.util.function.IntFunction<PostgresAuditLog> instanceFor, int each)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Long>>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                PostgresAuditLog instance = instanceFor.apply(t);
                writers.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(instance.append(event(thread * each + i)).sequence());
                    }
                    return mine;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(writers)) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentAppendsNeitherForkNorSkip() throws Exception {
        List<Long> all = appendFromEightThreads(t -> log, 50);

        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());
        ChainVerification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(400);
        assertThat(v.head().sequence()).isEqualTo(400);
    }

    @Test
    void twoServiceInstancesOnOneDatabaseNeitherForkNorSkip() throws Exception {
        // Each instance remembers the head it wrote last; the other instance's appends make that stale.
        PostgresAuditLog other = new PostgresAuditLog(db, new AuditSettings(null, java.time.Duration.ofSeconds(5)),
                Clock.systemUTC());
        List<Long> all = appendFromEightThreads(t -> t % 2 == 0 ? log : other, 40);

        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 320).boxed().toList());
        ChainVerification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(320);
        assertThat(other.append(event(999)).sequence()).isEqualTo(321);
        assertThat(log.append(event(1000)).previousHash()).isEqualTo(log.entries(321, 1).get(0).hash());
    }

    @Test
    void theDatabaseRefusesChangesFromTheApplication() throws Exception {
        appendFive();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update kyso_audit_entry set actor = 'x' where sequence = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from kyso_audit_entry where sequence = 5"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate kyso_audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update kyso_audit_head set sequence = 2 where id = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("forward");
            // An application role that does not own the tables cannot switch the guard off either.
            s.execute("create role kyso_app_" + ProcessHandle.current().pid() + " login");
            s.execute("grant select, insert on kyso_audit_entry to kyso_app_" + ProcessHandle.current().pid());
            s.execute("grant select, update on kyso_audit_head to kyso_app_" + ProcessHandle.current().pid());
        }
        try (Connection app = DriverManager.getConnection(db.getJdbcUrl(), "kyso_app_" + ProcessHandle.current().pid(),
                ""); Statement s = app.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("delete from kyso_audit_entry where sequence = 5"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("alter table kyso_audit_entry disable trigger user"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("owner");
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop owned by kyso_app_" + ProcessHandle.current().pid());
                s.execute("drop role kyso_app_" + ProcessHandle.current().pid());
            }
        }
        assertThat(log.verify().ok()).isTrue();
        assertThat(log.head().sequence()).isEqualTo(5);
    }

    @Test
    void refusesBadPages() {
        assertThatThrownBy(() -> log.entries(0, 10)).isInstanceOfSatisfying(AuditException.class,
                e -> assertThat(e.error()).isEqualTo(AuditError.INVALID_QUERY));
        assertThatThrownBy(() -> log.entries(1, 1001)).isInstanceOf(AuditException.class);
    }

    @Test
    void refusesCheckpointsWithoutATsa() {
        log.append(event(1));
        assertThatThrownBy(() -> log.timestamp()).isInstanceOfSatisfying(AuditException.class,
                e -> assertThat(e.error()).isEqualTo(AuditError.TSA_NOT_CONFIGURED));
    }

    @Test
    void migratesTwiceWithoutHarm() {
        log.append(event(1));
        PostgresAuditLog again = new PostgresAuditLog(db, new AuditSettings(null, java.time.Duration.ofSeconds(5)),
                Clock.systemUTC());
        assertThat(again.append(event(2)).sequence()).isEqualTo(2);
        assertThat(again.verify().ok()).isTrue();
    }
}
