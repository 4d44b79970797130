package vn.kyso.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
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
