package vn.kyso.archive.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.internal.store.OwnerLock;

/**
 * The private PostgreSQL's data directory for {@link LocalPostgres}: made usable by the user the server
 * runs as, and claimed by this process alone (a {@code <dir>.owner} lock), so that a second instance on the
 * same private catalogue is refused.
 */
final class PostgresDataDirectory {

    private static final Logger log = LoggerFactory.getLogger(PostgresDataDirectory.class);

    private PostgresDataDirectory() {
    }

    /** The data directory to use and the prefix that runs the server's programs as its user. */
    record Prepared(Path dir, List<String> asUser) {
    }

    /**
     * Creates {@code dir} and, when we are root, hands it to the {@code postgres} user (or {@code nobody});
     * if that user cannot reach it (a checkout under /root, mode 700), a fixed directory derived from the
     * configured path is used instead.
     */
    static Prepared prepare(Path dataDir) {
        List<String> asUser = new ArrayList<>();
        Path dir = dataDir;
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
        return new Prepared(dir, asUser);
    }

    /**
     * A private server belongs to one service process: another live process holding the data directory's
     * lock file is another instance, and two instances on two private catalogues would each see half the
     * archive. The lock stays with this process until it exits (the kernel drops it even on kill -9).
     */
    static void claim(Path dir) {
        try {
            OwnerLock.acquire(dir.resolveSibling(dir.getFileName() + ".owner"), "the private PostgreSQL in " + dir);
        } catch (OwnerLock.DirectoryOwnedException e) {
            throw new IllegalStateException(e.getMessage() + ". Another Kyso instance runs on this private "
                    + "database; several instances need one operated PostgreSQL: set kyso.archive.database.url", e);
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
}
