package vn.kyso.archive.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A data directory's {@code postmaster.pid} and the server it names. After {@code kill -9} of the JVM
 * that started a private PostgreSQL, the server (a daemon of its own) keeps running and its pid file
 * makes the next {@code pg_ctl start} fail; this tells whether that server is still there and ours.
 *
 * <p>The file's lines (PostgreSQL's {@code pidfile.h}): pid, data directory, start time, port,
 * socket directory, listen address, shared-memory key, status.
 *
 * @param pid     the postmaster's process id
 * @param dataDir the data directory the server says it serves
 * @param port    its TCP port
 */
record PostmasterPid(long pid, Path dataDir, int port) {

    static final String FILE = "postmaster.pid";

    /** The pid file's facts, or empty when there is none or it is unreadable (no server, or starting). */
    static Optional<PostmasterPid> read(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), Path.of(lines.get(1).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the pid is a live {@code postgres} process serving {@code dir}: the pid file alone is not
     * enough, as after a reboot its pid may belong to anything.
     */
    boolean isLivePostgresOf(Path dir) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path proc = Path.of("/proc", Long.toString(pid));
            try {
                String comm = Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip();
                if (!comm.startsWith("postgres")) {
                    return false;
                }
                // The postmaster runs with its data directory as working directory; readable by its owner and root.
                Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
                return sameDirectory(cwd, dir);
            } catch (IOException | SecurityException e) {
                // Another user's process whose cwd we may not read: the pid file's own word must do.
                return sameDirectory(dataDir, dir);
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
