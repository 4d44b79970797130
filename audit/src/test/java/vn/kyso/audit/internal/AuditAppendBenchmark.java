package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.audit.AuditSettings;

/**
 * Audit appends per second from four instances (four {@link PostgresAuditLog} objects on one
 * PostgreSQL, several threads each), grouped commits against one commit per append in the same run.
 * Run with scripts/bench.sh; writes target/bench/audit.md.
 */
@Tag("benchmark")
class AuditAppendBenchmark {

    static final int INSTANCES = 4;
    static final int THREADS_EACH = Integer.getInteger("bench.threads", 32);
    static final int APPENDS_EACH = Integer.getInteger("bench.appends", 100);

    @Test
    void groupedAgainstOneCommitPerAppend() throws Exception {
        double baseline = run(1);
        double grouped = run(PostgresAuditLog.MAX_BATCH);
        int total = INSTANCES * THREADS_EACH * APPENDS_EACH;
        String md = String.format(Locale.ROOT, """
                ## Audit appends, %d instances x %d threads, %d appends per run (one PostgreSQL)

                | mode | appends/s |
                |---|---:|
                | one commit per append (baseline) | %.0f |
                | grouped commits (max %d per commit) | %.0f |
                | speed-up | %.1fx |
                """, INSTANCES, THREADS_EACH, total, baseline, PostgresAuditLog.MAX_BATCH, grouped,
                grouped / baseline);
        System.out.println(md);
        Path out = Path.of("target", "bench", "audit.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        assertThat(grouped).isGreaterThan(baseline);
    }

    static double run(int maxBatch) throws Exception {
        List<HikariDataSource> pools = new ArrayList<>();
        try (HikariDataSource db = AuditDatabase.fresh()) {
            AuditSettings settings = new AuditSettings(null, Duration.ofSeconds(5));
            List<PostgresAuditLog> instances = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                // Each instance has its own connection pool, as separate processes would.
                HikariDataSource own = ArchiveFixture.dataSource(db.getJdbcUrl());
                pools.add(own);
                instances.add(new PostgresAuditLog(own, settings, Clock.systemUTC(), maxBatch));
            }
            // Warm-up: JIT, pool connections, prepared statements.
            for (PostgresAuditLog log : instances) {
                for (int i = 0; i < 50; i++) {
                    log.append(AuditChainTest.event(i));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * THREADS_EACH);
            try {
                List<Callable<Void>> writers = new ArrayList<>();
                for (int t = 0; t < INSTANCES * THREADS_EACH; t++) {
                    PostgresAuditLog log = instances.get(t % INSTANCES);
                    int thread = t;
                    writers.add(() -> {
                        for (int i = 0; i < APPENDS_EACH; i++) {
                            log.append(AuditChainTest.event(thread * APPENDS_EACH + i));
                        }
                        return null;
                    });
                }
                long start = System.nanoTime();
                for (Future<Void> f : pool.invokeAll(writers)) {
                    f.get();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(instances.get(0).verify().ok()).isTrue();
                return INSTANCES * THREADS_EACH * APPENDS_EACH / seconds;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }
}
