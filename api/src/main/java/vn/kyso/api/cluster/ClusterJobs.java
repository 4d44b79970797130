package vn.kyso.api.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** ShedLock's table; created on start, as no module's migration owns it. */
    static final String TABLE = "kyso_shedlock";

    private final LockingTaskExecutor executor;

    /** @param database the cluster's PostgreSQL, or null for a single instance without one */
    public ClusterJobs(DataSource database) {
        if (database == null) {
            this.executor = null;
            return;
        }
        createTable(database);
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

    private static void createTable(DataSource database) {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            // The advisory lock keeps instances starting together from racing on the catalogue.
            s.execute("select pg_advisory_xact_lock(hashtext('" + TABLE + "'))");
            s.execute("create table if not exists " + TABLE + " (name varchar(64) primary key, "
                    + "lock_until timestamp not null, locked_at timestamp not null, locked_by varchar(255) not null)");
            c.commit();
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            throw new IllegalStateException("the table of cluster job locks cannot be created", e);
        }
    }
}
