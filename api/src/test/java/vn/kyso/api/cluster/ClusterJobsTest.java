package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
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
