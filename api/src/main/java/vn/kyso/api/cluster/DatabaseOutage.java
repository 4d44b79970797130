package vn.kyso.api.cluster;

import org.slf4j.Logger;

/**
 * What {@link ClusterJobs} says while the cluster's database is down. The schedulers tick every minute, so
 * an outage logged at every tick buries everything else (it used to be an ERROR with a stack trace from the
 * scheduler each minute): the first failure of an outage is one WARN with the cause's message, later ones
 * are DEBUG, and the first tick that reaches the database again ends the outage with one INFO. Stack
 * traces only at DEBUG: the cause of a database that cannot be reached is in its message.
 */
final class DatabaseOutage {

    private final Logger log;
    private boolean down;
    private int skipped;

    DatabaseOutage(Logger log) {
        this.log = log;
    }

    /** A job's tick could not reach the database. */
    synchronized void failed(String job, RuntimeException e) {
        skipped++;
        if (!down) {
            down = true;
            log.warn("cluster jobs: the database cannot be reached ({}); job {} and the next jobs are skipped "
                    + "until it is back", causeOf(e), job);
        } else {
            log.debug("cluster jobs: the database is still down; job {} skipped ({})", job, causeOf(e));
        }
        log.debug("cluster jobs: why job {} could not reach the database", job, e);
    }

    /** A job's tick reached the database. */
    synchronized void reached() {
        if (down) {
            log.info("cluster jobs: the database is back after {} skipped job run(s)", skipped);
            down = false;
            skipped = 0;
        }
    }

    /**
     * Whether {@code e} says the database could not be reached: a connection failure (SQLState class 08, the
     * pool's or the driver's connection exceptions, a refused or unroutable socket) anywhere in its causes.
     * Anything else (a failed migration, a lock table that is not there, bad settings) is not an outage and
     * must stay loud.
     */
    static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message: Flyway's and Spring's wrappers repeat it with less detail. */
    static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    }
}
