package vn.kyso.api.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a scheduled job on one instance of the cluster per tick: every instance's scheduler fires, the
 * first to take the job's ShedLock row in PostgreSQL runs it, the others skip. Times come from the
 * database, so instances with skewed clocks agree. Without a database (one instance) jobs just run.
 */
public final class ClusterJobs {

    /** ShedLock's table, from the api's migration ({@code db/kyso-api} V2, {@link ApiSchema}). */
    static final String TABLE = "kyso_shedlock";

    private final LockingTaskExecutor executor;
    private final ApiSchema schema;

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
     * @return whether this instance ran it
     */
    public boolean runOnce(String name, Duration atMostFor, Duration atLeastFor, Runnable job) {
        Objects.requireNonNull(job);
        if (executor == null) {
            job.run();
            return true;
        }
        schema.migrate(); // a database that is down fails this tick; the next one tries again
        try {
            return executor.executeWithLock(() -> {
                job.run();
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), name, atMostFor, atLeastFor)).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t); // a Runnable throws no checked exception
        }
    }
}
