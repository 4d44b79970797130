package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import vn.kyso.api.cluster.ClusterJobs;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.autoconfigure.AuditProperties;
import vn.kyso.audit.internal.PostgresAuditLog;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;

/**
 * Three instances on one PostgreSQL, each with its scheduler, the real audit log and the demo TSA: their
 * checkpoint ticks fire together and the chain head is time-stamped once.
 */
class CheckpointOncePerClusterTest {

    static final int INSTANCES = 3;

    HikariDataSource db;
    List<Runnable> ticks = new ArrayList<>();
    List<AuditLog> logs = new ArrayList<>();

    @BeforeEach
    void instances() {
        db = ArchiveFixture.newDatabase("cluster_checkpoint");
        DemoPki pki = DemoPkiFixture.shared();
        AuditSettings settings = AuditSettings.withTsa(URI.create(pki.tsaUrl()))
                .trusting(pki.trustAnchors(KeyFamily.SPECIALISED));
        for (int i = 0; i < INSTANCES; i++) {
            PostgresAuditLog log = new PostgresAuditLog(db, settings, Clock.systemUTC());
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("auditLog", log);
            beans.addBean("auditProperties", new AuditProperties(true, null, Duration.ofMinutes(10),
                    Duration.ofSeconds(5), null));
            ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
            new AuditCheckpointScheduler(beans.getBeanProvider(AuditLog.class),
                    beans.getBeanProvider(AuditProperties.class), new ClusterJobs(db)).configureTasks(registrar);
            ticks.add(registrar.getFixedDelayTaskList().get(0).getRunnable());
            logs.add(log);
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void simultaneousTicksOnThreeInstancesTimestampTheHeadOnce() throws Exception {
        for (int i = 1; i <= 4; i++) {
            logs.get(i % INSTANCES).append(new AuditEvent("clerk-" + i, vn.kyso.audit.AuditAction.SIGN, "doc-" + i,
                    vn.kyso.audit.AuditOutcome.OK, null, null));
        }
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        // One thread per instance: the common pool may have a single worker on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (Runnable tick : ticks) {
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    together.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                tick.run();
            }, threads));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(count("select count(*) from kyso_audit_checkpoint")).isEqualTo(1);
        assertThat(logs.get(0).checkpoints()).singleElement()
                .satisfies(k -> assertThat(k.sequence()).isEqualTo(4));
        assertThat(logs.get(2).verify().ok()).isTrue();
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
