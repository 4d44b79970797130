package vn.kyso.api.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a scheduled job on one instance of the cluster per tick: every instance's scheduler fires, the
 * first to take the job's ShedLock row in PostgreSQL runs it, the others skip. Times come from the
 * database, so instances with skewed clocks agree. Without a database (one instance) jobs just run. While
 * the database is down, ticks are skipped and logged once per outage ({@link DatabaseOutage}).
 */
public final class ClusterJobs {

    /** ShedLock's table, from the api's migration ({@code db/kyso-api} V2, {@link ApiSchema}). */
    static final String TABLE = "kyso_shedlock";

    private final LockingTaskExecutor executor;
    private final ApiSchema schema;
    private final DatabaseOutage outage = new DatabaseOutage(LoggerFactory.getLogger(ClusterJobs.class));

    /** How far a tick got: a failure before the job ran is the database's, one while it runs the job's. */
    private enum Stage { LOCKING, RUNNING, RAN }

    /** @param database the cluster's PostgreSQL, or null for a single instance without one */
    public ClusterJobs(DataSource database) {
        if (database == null) {
            this.executor = null;
            this.schema = null;
            return;
        }
        // Migrated at the first tick, not here: the service starts without its database.
        this.schema = new ApiSchema(database);
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(database))
                        .withTableName(TABLE)
                        .usingDbTime()
                        .build()));
    }

    /**
     * Runs {@code job} unless another instance holds its lock.
     *
     * @param atMostFor  how long the lock outlives an instance that died while running the job
     * @param atLeastFor how long the lock is kept after a quick run, so that an instance whose tick fires
     *                   a little later (clock skew, start-up) does not run the same tick again
     * @return whether this instance ran it (false also when the database could not be reached: the job
     *         is skipped, and the next tick tries again)
     * @throws RuntimeException what the job itself threw, or a failure to migrate or lock that is not the
     *                          database being unreachable
     */
    public boolean runOnce(String name, Duration atMostFor, Duration atLeastFor, Runnable job) {
        Objects.requireNonNull(job);
        if (executor == null) {
            job.run();
            return true;
        }
        Stage[] stage = {Stage.LOCKING};
        try {
            schema.migrate();
            boolean ran = executor.executeWithLock(() -> {
                stage[0] = Stage.RUNNING;
                job.run();
                stage[0] = Stage.RAN;
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor)).wasExecuted();
            outage.reached();
            return ran;
        } catch (RuntimeException e) {
            if (stage[0] == Stage.RUNNING || !DatabaseOutage.isUnreachable(e)) {
                // The job's own failure, or one of ours that is not an outage (a failed migration, a missing
                // lock table): reported by whoever scheduled it, every time, as before.
                throw e;
            }
            // Migrating, taking or releasing the lock: the database is down. This tick is skipped (or, when
            // only the release failed, ran; the lock then ends at atMostFor) and the next one tries again.
            outage.failed(name, e);
            return stage[0] == Stage.RAN;
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t); // a Runnable throws no checked exception
        }
    }
}
