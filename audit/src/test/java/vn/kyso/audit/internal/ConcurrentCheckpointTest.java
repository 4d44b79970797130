package vn.kyso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.kyso.audit.Checkpoint;

/**
 * Several instances on one database run the checkpoint job (issue #13): whatever the timing, the database
 * keeps one checkpoint per chain head, and every instance answers with that one.
 */
class ConcurrentCheckpointTest {

    static final int INSTANCES = 2;
    static final int THREADS_PER_INSTANCE = 2;

    HikariDataSource db;
    List<PostgresAuditLog> instances = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = AuditDatabase.fresh();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new PostgresAuditLog(db, AuditCheckpointTest.demoTsa(), Clock.systemUTC()));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void concurrentCheckpointersOfOneHeadStoreOneCheckpoint() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * THREADS_PER_INSTANCE);
        try {
            for (int round = 1; round <= 3; round++) {
                instances.get(0).append(AuditChainTest.event(round));
                // Explicit checkpoints (the admin endpoint) and the job's, started together on both instances.
                List<Checkpoint> answers = race(pool, round % 2 == 0);
                long head = instances.get(0).head().sequence();
                assertThat(answers).as("round %d", round).hasSize(INSTANCES * THREADS_PER_INSTANCE)
                        .allSatisfy(k -> assertThat(k.sequence()).isEqualTo(head));
                assertThat(answers.stream().map(Checkpoint::headHash).distinct()).hasSize(1);
                assertThat(rowsAt(head)).as("checkpoint rows of entry %d", head).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(instances.get(1).checkpoints()).extracting(Checkpoint::sequence).containsExactly(1L, 2L, 3L);
        assertThat(instances.get(1).verify().ok()).isTrue();
    }

    /** Every thread waits at the barrier, then checkpoints; the job's "nothing new" counts as no answer. */
    private List<Checkpoint> race(ExecutorService pool, boolean explicit) throws Exception {
        CyclicBarrier start = new CyclicBarrier(INSTANCES * THREADS_PER_INSTANCE);
        List<Future<Optional<Checkpoint>>> calls = new ArrayList<>();
        for (PostgresAuditLog log : instances) {
            for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                calls.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return explicit ? Optional.of(log.timestamp()) : log.timestampIfAdvanced();
                }));
            }
        }
        List<Checkpoint> answers = new ArrayList<>();
        for (Future<Optional<Checkpoint>> f : calls) {
            Optional<Checkpoint> k = f.get(60, TimeUnit.SECONDS);
            answers.add(k.orElseGet(() -> instances.get(0).checkpoints().get(instances.get(0).checkpoints().size() - 1)));
        }
        return answers;
    }

    private long rowsAt(long sequence) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from kyso_audit_checkpoint where sequence = ?")) {
            s.setLong(1, sequence);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
