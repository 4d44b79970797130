package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.kyso.audit.AuditEntry;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.ChainVerification;
import vn.kyso.audit.ChainVerification.BreakReason;

/**
 * Grouped appends from four service instances on one database: one verified chain, every append
 * durable when it returns, and rows slipped past the head refused by the database or found by
 * verification.
 */
class GroupedAppendsTest {

    static final AuditSettings SETTINGS = new AuditSettings(null, Duration.ofSeconds(5));

    HikariDataSource db;

    @BeforeEach
    void setUp() {
        db = AuditDatabase.fresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void fourInstancesAppendConcurrentlyIntoOneVerifiedChainAndEachAppendIsDurableWhenItReturns()
            throws Exception {
        List<PostgresAuditLog> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(new PostgresAuditLog(db, SETTINGS, Clock.systemUTC()));
        }
        int threadsEach = 4;
        int appendsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(4 * threadsEach);
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < 4 * threadsEach; t++) {
            PostgresAuditLog instance = instances.get(t % 4);
            int thread = t;
            writers.add(() -> {
                List<Long> mine = new ArrayList<>();
                // Its own connection, outside the pool the log writes through: sees only committed rows.
                try (Connection reader = DriverManager.getConnection(db.getJdbcUrl(), db.getUsername(),
                        db.getPassword()); PreparedStatement s = reader.prepareStatement(
                                "select hash from kyso_audit_entry where sequence = ?")) {
                    for (int i = 0; i < appendsEach; i++) {
                        AuditEntry e = instance.append(AuditChainTest.event(thread * appendsEach + i));
                        s.setLong(1, e.sequence());
                        try (ResultSet r = s.executeQuery()) {
                            assertThat(r.next()).as("entry %d committed when append returned", e.sequence()).isTrue();
                            assertThat(HexFormat.of().formatHex(r.getBytes(1))).isEqualTo(e.hash());
                        }
                        mine.add(e.sequence());
                    }
                }
                return mine;
            });
        }
        List<Long> all = new ArrayList<>();
        try {
            for (Future<List<Long>> f : pool.invokeAll(writers)) {
                all.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int total = 4 * threadsEach * appendsEach;
        assertThat(all).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        ChainVerification v = instances.get(3).verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(total);
        assertThat(v.head().sequence()).isEqualTo(total);
        assertThat(commitsFor(total)).as("grouped: fewer commits than appends").isLessThan(total);
    }

    /** How many commits wrote the entries. */
    long commitsFor(int total) throws SQLException {
        // Entries of one batch share one transaction id (xmin): the number of distinct xmin is the commits.
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(distinct xmin::text) from kyso_audit_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void theApplicationRoleCannotInsertARowPastTheHeadNorMoveTheHeadToNoEntry() throws Exception {
        PostgresAuditLog log = new PostgresAuditLog(db, SETTINGS, Clock.systemUTC());
        for (int i = 1; i <= 3; i++) {
            log.append(AuditChainTest.event(i));
        }
        AuditEntry last = log.entries(3, 1).get(0);
        ChainHashing.Fields next = new ChainHashing.Fields(4, ChainHashing.storable(java.time.Instant.now()),
                "ke-gia-mao", "DISPOSE", "record-9", "OK", null, null);
        byte[] previous = ChainHashing.unhex(last.hash());
        String forged = "insert into kyso_audit_entry values (4, '" + next.recordedAt() + "', 'ke-gia-mao', "
                + "'DISPOSE', 'record-9', 'OK', null, null, decode('" + last.hash() + "', 'hex'), decode('"
                + ChainHashing.hex(ChainHashing.hash(previous, next)) + "', 'hex'))";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(forged)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("past the chain head");
            assertThatThrownBy(() -> s.executeUpdate("update kyso_audit_head set sequence = 9 where id = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
        }
        assertThat(log.verify().ok()).isTrue();
        assertThat(log.append(AuditChainTest.event(4)).sequence()).isEqualTo(4);
    }

    @Test
    void aRowSlippedPastTheHeadWithTheGuardOffIsFoundByVerification() throws Exception {
        PostgresAuditLog log = new PostgresAuditLog(db, SETTINGS, Clock.systemUTC());
        for (int i = 1; i <= 3; i++) {
            log.append(AuditChainTest.event(i));
        }
        AuditEntry last = log.entries(3, 1).get(0);
        ChainHashing.Fields next = new ChainHashing.Fields(4, ChainHashing.storable(java.time.Instant.now()),
                "ke-gia-mao", "DISPOSE", "record-9", "OK", null, null);
        byte[] previous = ChainHashing.unhex(last.hash());
        AuditDatabase.tamper(db, "kyso_audit_entry", "insert into kyso_audit_entry values (4, '"
                + next.recordedAt() + "', 'ke-gia-mao', 'DISPOSE', 'record-9', 'OK', null, null, decode('"
                + last.hash() + "', 'hex'), decode('" + ChainHashing.hex(ChainHashing.hash(previous, next))
                + "', 'hex'))");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.EDITED);
        assertThat(v.firstBroken().message()).contains("head does not match");
    }

    @Test
    void anAcknowledgedAppendLostFromTheEndIsVisibleToVerification() throws Exception {
        PostgresAuditLog log = new PostgresAuditLog(db, SETTINGS, Clock.systemUTC());
        for (int i = 1; i <= 4; i++) {
            log.append(AuditChainTest.event(i));
        }
        // A restore from an older backup of the entries (or a deleted row): the head still names entry 4.
        AuditDatabase.tamper(db, "kyso_audit_entry", "delete from kyso_audit_entry where sequence = 4");

        ChainVerification v = log.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().sequence()).isEqualTo(4);
        assertThat(v.firstBroken().reason()).isEqualTo(BreakReason.DELETED);
    }
}
