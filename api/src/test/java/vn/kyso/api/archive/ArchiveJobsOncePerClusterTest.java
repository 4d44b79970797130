package vn.kyso.api.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;

/**
 * Three instances (real archive services and schedulers) on one PostgreSQL fire the same schedule tick
 * together: each job runs once, on one of them.
 */
class ArchiveJobsOncePerClusterTest {

    static final int INSTANCES = 3;

    static HikariDataSource db;
    static final List<ArchiveJobsScheduler> schedulers = new ArrayList<>();
    static ArchiveService archive;

    @BeforeAll
    static void instances() {
        db = ArchiveFixture.newDatabase("cluster_archive_jobs");
        InMemoryObjectStore store = new InMemoryObjectStore();
        for (int i = 0; i < INSTANCES; i++) {
            archive = ArchiveFixture.service(db, store);
            schedulers.add(new ArchiveJobsScheduler(archive, new ClusterJobs(db)));
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aTickOfEachJobRunsOnOneInstance() throws Exception {
        for (JobKind kind : List.of(JobKind.RECOVERY, JobKind.FIXITY)) {
            CyclicBarrier together = new CyclicBarrier(INSTANCES);
            // One thread per instance: the common pool may have a single worker on a small machine.
            ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
            List<CompletableFuture<Boolean>> runs = new ArrayList<>();
            for (ArchiveJobsScheduler s : schedulers) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return s.run(kind);
                }, threads));
            }
            long ran = 0;
            for (CompletableFuture<Boolean> r : runs) {
                ran += r.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            threads.shutdown();
            assertThat(ran).as("instances that ran %s", kind).isEqualTo(1);
            // A late instance (clock skew) within the minimum hold does not run the same tick again.
            assertThat(schedulers.get(0).run(kind)).isFalse();
            assertThat(archive.jobs()).filteredOn(j -> j.kind() == kind).hasSize(1);
        }
    }
}
