package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.internal.store.FilesystemObjectStore;
import vn.kyso.archive.internal.store.OwnerLock;

/**
 * One process owns a private PostgreSQL's data directory and a filesystem store's root: a second live
 * process is refused, and a process killed with -9 leaves nothing that stops the next start (issue #13,
 * "Faults survived" and "Several instances"). The first owner is a real child JVM, killed for real.
 */
class DirectoryOwnerTest {

    private final List<Process> children = new ArrayList<>();
    private final List<LocalPostgres> servers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        servers.forEach(LocalPostgres::close);
    }

    @Test
    void afterKillMinus9TheNextStartAdoptsTheServerLeftRunningWithItsData() throws Exception {
        Path dir = tempDir().resolve("pg");
        Process child = spawn("postgres", dir);
        int port = Integer.parseInt(awaitReady(child).substring("READY ".length()));
        long serverPid = PostmasterPid.read(dir).orElseThrow().pid();

        // While the first instance lives, a second one is refused and told what to do.
        assertThatThrownBy(() -> LocalPostgres.start(dir, 0, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another running process (pid " + child.pid() + ")")
                .hasMessageContaining("kyso.archive.database.url");

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(ProcessHandle.of(serverPid)).as("the server outlives the killed service")
                .hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());

        LocalPostgres again = started(dir, 0);

        assertThat(again.port()).isEqualTo(port);
        assertThat(PostmasterPid.read(dir).orElseThrow().pid()).as("adopted, not restarted").isEqualTo(serverPid);
        assertThat(keptRows(again)).containsExactly("written before kill -9");
    }

    @Test
    void aServerLeftOnAnotherPortThanConfiguredIsStoppedAndAFreshOneKeepsTheData() throws Exception {
        Path dir = tempDir().resolve("pg");
        Process child = spawn("postgres", dir);
        awaitReady(child);
        long leftPid = PostmasterPid.read(dir).orElseThrow().pid();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int configured = freePort();

        LocalPostgres again = started(dir, configured);

        assertThat(again.port()).isEqualTo(configured);
        assertThat(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive)).as("the left server was stopped")
                .isNotEqualTo(java.util.Optional.of(true));
        assertThat(PostmasterPid.read(dir).orElseThrow().pid()).isNotEqualTo(leftPid);
        assertThat(keptRows(again)).containsExactly("written before kill -9");
    }

    @Test
    void aFilesystemStoreRootOwnedByAnotherLiveProcessIsRefusedUntilItEnds() throws Exception {
        Path root = tempDir().resolve("objects");
        Process child = spawn("store", root);
        awaitReady(child);

        assertThatThrownBy(() -> new FilesystemObjectStore(root))
                .isInstanceOfSatisfying(OwnerLock.DirectoryOwnedException.class, e -> {
                    assertThat(e.ownerPid()).hasValue(child.pid());
                    assertThat(e.getMessage()).contains("the filesystem store " + root);
                });

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        FilesystemObjectStore store = new FilesystemObjectStore(root);
        store.put("a", new byte[] {1}, vn.kyso.archive.spi.ObjectStore.PutOptions.of("text/plain"));
        assertThat(store.read("a")).containsExactly(1);
    }

    private LocalPostgres started(Path dir, int port) {
        LocalPostgres pg = LocalPostgres.start(dir, port, true);
        servers.add(pg);
        return pg;
    }

    private static List<String> keptRows(LocalPostgres pg) throws Exception {
        List<String> notes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("crash"), pg.user(), "");
                var rs = c.createStatement().executeQuery("select note from kept")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }

    private Process spawn(String what, Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("kyso-owner-child-", ".log");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DirectoryOwnerChild.class.getName(), what, dir.toString())
                .redirectError(log.toFile()).start();
        children.add(p);
        return p;
    }

    /** The child's READY line; it initialises a cluster first, which takes seconds. */
    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                do {
                    l = out.readLine();
                } while (l != null && !l.startsWith("READY"));
                return l;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(120, TimeUnit.SECONDS);
        assertThat(line).as("the child process started").isNotNull().startsWith("READY");
        return line;
    }

    private static Path tempDir() throws Exception {
        // World-readable: as root the server runs as the postgres user, which must reach the directory.
        return Files.createTempDirectory("kyso-owner-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
