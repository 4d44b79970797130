package vn.kyso.archive.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian {@code postgresql} package's programs ({@code initdb}, {@code pg_ctl}) for {@link LocalPostgres}:
 * where they are, and how they run — as the user the server runs as ({@code runuser}, when we are root,
 * since PostgreSQL refuses to run as root), with a timeout and their output in the exception when they fail.
 */
final class PostgresCommands {

    private final Path binDir;
    private final List<String> asUser;

    /** @param asUser the prefix that runs a program as the server's user ({@code runuser -u postgres --}), or empty */
    PostgresCommands(Path binDir, List<String> asUser) {
        this.binDir = binDir;
        this.asUser = List.copyOf(asUser);
    }

    /** {@code program} of the server binaries with {@code args}, run as the server's user. */
    List<String> cmd(String program, String... args) {
        List<String> c = new ArrayList<>(asUser);
        c.add(binDir.resolve(program).toString());
        c.addAll(List.of(args));
        return c;
    }

    /** Runs {@code command} to its end; a non-zero exit or a timeout is an exception with its output. */
    static void run(int timeoutSeconds, List<String> command) {
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

    /** The newest installed server's {@code bin} directory, unless {@code kyso.postgres.bin} names one. */
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
}
