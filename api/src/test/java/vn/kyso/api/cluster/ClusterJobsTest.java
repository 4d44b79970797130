package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.kyso.archive.testing.ArchiveFixture;

/** Two instances on one PostgreSQL: a job's tick runs on one of them (ShedLock), whatever the timing. */
class ClusterJobsTest {

    static HikariDataSource db;

    @BeforeAll
    static void database() {
        db = ArchiveFixture.newDatabase("cluster_jobs");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void whileOneInstanceRunsAJobTheOtherSkipsIt() throws Exception {
        ClusterJobs first = new ClusterJobs(db);
        ClusterJobs second = new ClusterJobs(db);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);

        CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> first.runOnce("fixity",
                Duration.ofHours(1), Duration.ZERO, () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(secondTried);
                }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        boolean b = second.runOnce("fixity", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet);
        secondTried.countDown();

        assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(b).isFalse();
        assertThat(runs).hasValue(1);
        // Released at once (no minimum hold): the next tick may run anywhere.
        assertThat(second.runOnce("fixity", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aQuickRunHoldsItsTickSoALateInstanceDoesNotRepeatIt() {
        ClusterJobs first = new ClusterJobs(db);
        ClusterJobs late = new ClusterJobs(db);
        AtomicInteger runs = new AtomicInteger();

        assertThat(first.runOnce("recovery", Duration.ofHours(1), Duration.ofMinutes(5), runs::incrementAndGet))
                .isTrue();
        assertThat(late.runOnce("recovery", Duration.ofHours(1), Duration.ofMinutes(5), runs::incrementAndGet))
                .isFalse();
        assertThat(runs).hasValue(1);
        // Locks are per job: another job's tick is not held up.
        assertThat(late.runOnce("renewal", Duration.ofHours(1), Duration.ofMinutes(5), runs::incrementAndGet))
                .isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void withoutADatabaseTheOneInstanceRunsEverything() {
        ClusterJobs alone = new ClusterJobs(null);
        AtomicInteger runs = new AtomicInteger();
        assertThat(alone.runOnce("x", Duration.ofHours(1), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(alone.runOnce("x", Duration.ofHours(1), Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void theLockTableComesFromTheApiMigrationAndAnOldDatabaseKeepsItsLocks() throws Exception {
        try (HikariDataSource fresh = ArchiveFixture.newDatabase("cluster_jobs_new")) {
            assertThat(new ClusterJobs(fresh).runOnce("fixity", Duration.ofHours(1), Duration.ZERO, () -> { }))
                    .isTrue();
            assertThat(history(fresh)).containsExactly("1 page sessions SQL true", "2 shedlock SQL true");
        }
        try (HikariDataSource old = ArchiveFixture.newDatabase("cluster_jobs_old")) {
            try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
                // Exactly what the service ran at start before the migration existed, and a lock an instance
                // of that version holds for another ten minutes (the database's UTC time, as ShedLock's).
                s.execute("create table if not exists " + ClusterJobs.TABLE + " (name varchar(64) primary key, "
                        + "lock_until timestamp not null, locked_at timestamp not null, "
                        + "locked_by varchar(255) not null)");
                s.execute("insert into " + ClusterJobs.TABLE + " values ('fixity', "
                        + "timezone('utc', now()) + interval '10 minutes', timezone('utc', now()), 'kyso-old-1')");
            }
            AtomicInteger runs = new AtomicInteger();
            ClusterJobs upgraded = new ClusterJobs(old);

            assertThat(upgraded.runOnce("fixity", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet))
                    .as("the old instance's lock is kept").isFalse();
            assertThat(upgraded.runOnce("renewal", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet))
                    .isTrue();
            assertThat(runs).hasValue(1);
            assertThat(history(old)).containsExactly("0 << Flyway Baseline >> BASELINE true",
                    "1 page sessions SQL true", "2 shedlock SQL true");
            // Another instance (or a restart) finds everything migrated.
            assertThat(new ClusterJobs(old).runOnce("renewal", Duration.ofHours(1), Duration.ZERO, () -> { }))
                    .isTrue();
            assertThat(history(old)).hasSize(3);
        }
    }

    @Test
    void aDatabaseOutageIsLoggedOnceAsAWarningAndItsEndOnceAsInformation() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(ClusterJobs.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(lines);
        try (HikariDataSource real = ArchiveFixture.newDatabase("cluster_jobs_outage")) {
            SwitchedDatabase db = new SwitchedDatabase(real);
            ClusterJobs jobs = new ClusterJobs(db);
            AtomicInteger runs = new AtomicInteger();

            // Down before the first tick (the schema cannot be migrated): skipped, not thrown at the scheduler.
            db.down = true;
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
            db.down = false;
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
            // Down again once migrated (the lock cannot be taken), then back.
            db.down = true;
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isFalse();
            db.down = false;
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
            assertThat(runs).hasValue(3);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }

        List<ILoggingEvent> loud = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .toList();
        assertThat(loud).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.INFO, Level.WARN, Level.INFO);
        for (ILoggingEvent warning : List.of(loud.get(0), loud.get(2))) {
            assertThat(warning.getFormattedMessage()).contains("the database cannot be reached", "job cleanup",
                    SwitchedDatabase.REFUSED);
            assertThat(warning.getThrowableProxy()).as("no stack trace above DEBUG").isNull();
        }
        assertThat(loud.get(1).getFormattedMessage()).contains("the database is back after 2 skipped");
        assertThat(loud.get(3).getFormattedMessage()).contains("the database is back after 2 skipped");
        // The second failing tick of each outage is DEBUG only; the stack traces are there, at DEBUG.
        List<ILoggingEvent> debug = lines.list.stream().filter(e -> e.getLevel() == Level.DEBUG).toList();
        assertThat(debug).filteredOn(e -> e.getFormattedMessage().contains("still down")).hasSize(2);
        assertThat(debug).filteredOn(e -> e.getThrowableProxy() != null).hasSize(4);
        assertThat(lines.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    }

    @Test
    void aFailureThatIsNotAnOutageStillReachesTheScheduler() throws Exception {
        try (HikariDataSource real = ArchiveFixture.newDatabase("cluster_jobs_not_outage")) {
            SwitchedDatabase db = new SwitchedDatabase(real);
            ClusterJobs jobs = new ClusterJobs(db);
            AtomicInteger runs = new AtomicInteger();
            assertThat(jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet)).isTrue();
            // A database that answers, but refuses what we ask (here: every statement, as a broken migration
            // or a dropped lock table would): not an outage to wait out quietly, an error for the operators.
            db.broken = true;
            assertThatThrownBy(() -> jobs.runOnce("cleanup", Duration.ofHours(1), Duration.ZERO,
                    runs::incrementAndGet)).isInstanceOf(RuntimeException.class);
            assertThat(runs).hasValue(1);
        }
    }

    /** The real database, or, while {@code down}, a server that refuses connections as a stopped one does. */
    private static final class SwitchedDatabase extends DelegatingDataSource {

        static final String REFUSED = "Connection refused (switched off by the test)";

        volatile boolean down;
        /** Every use fails with an error that is not about reaching the server (SQLState 42601, a syntax error). */
        volatile boolean broken;

        SwitchedDatabase(HikariDataSource real) {
            super(real);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException(REFUSED, "08001");
            }
            if (broken) {
                throw new SQLException("syntax error (broken by the test)", "42601");
            }
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            if (down) {
                throw new SQLException(REFUSED, "08001");
            }
            return super.getConnection(username, password);
        }
    }

    private static List<String> history(HikariDataSource db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, description, type, success from "
                        + ApiSchema.HISTORY + " order by installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
            }
        }
        return rows;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other instance never tried");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
