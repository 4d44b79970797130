package vn.kyso.archive.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.internal.LocalPostgres;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.core.ErrorKind;
import vn.kyso.core.testing.Eventually;

/**
 * Issue #13: a PostgreSQL that dies under the running service is started again when it is the private
 * one, and reported quickly (503 CATALOGUE_UNAVAILABLE within about the configured connection timeout,
 * not 20 s a request) when it is an operated one. Both on real servers, with the pool exactly as the
 * service configures it.
 */
class DeadDatabaseTest {

    /** Generous: the configured connection timeout times this, for a loaded two-core CI machine. */
    private static final int FACTOR = 3;

    @Test
    void anOperatedDatabaseThatDiesAnswersUnavailableWithinTheConnectionTimeout() throws Exception {
        LocalPostgres operated = LocalPostgres.start(tempDir().resolve("pg"), 0, false);
        Duration timeout = Duration.ofSeconds(2);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ArchiveAutoConfiguration.class))
                .withPropertyValues("kyso.archive.database.url=" + operated.jdbcUrl("operated"),
                        "kyso.archive.database.username=" + operated.user(),
                        "kyso.archive.database.connection-timeout=" + timeout.toMillis() + "ms",
                        "kyso.archive.directory=" + tempDir())
                .run(context -> {
                    DataSource db = context.getBean(DataSource.class);
                    try (PostgresArchiveService archive = ArchiveFixture.service(db, new InMemoryObjectStore())) {
                        assertThat(archive.search(RecordQuery.text("công văn")).total()).isZero();
                        operated.close();

                        // Every request, not just the first: a held connection dies, then none can be made.
                        for (int request = 0; request < 3; request++) {
                            long started = System.nanoTime();
                            assertThatThrownBy(() -> archive.search(RecordQuery.text("công văn")))
                                    .isInstanceOfSatisfying(ArchiveException.class, e -> {
                                        assertThat(e.error()).isEqualTo(ArchiveError.CATALOGUE_UNAVAILABLE);
                                        assertThat(e.error().kind()).as("answered 503 with Retry-After")
                                                .isEqualTo(ErrorKind.UNAVAILABLE);
                                    });
                            Duration took = Duration.ofNanos(System.nanoTime() - started);
                            System.out.printf("request %d after the database died: CATALOGUE_UNAVAILABLE after %d ms "
                                    + "(connection timeout %d ms)%n", request, took.toMillis(), timeout.toMillis());
                            assertThat(took)
                                    .as("request %d after the database died", request)
                                    .isLessThan(timeout.multipliedBy(FACTOR));
                        }
                    }
                });
    }

    @Test
    void thePrivateDatabaseKilledUnderTheServiceIsStartedAgainWithItsData() throws Exception {
        Path dir = tempDir().resolve("private");
        LocalPostgres pg = LocalPostgres.shared(dir, 0);
        try {
            pg.watch(Duration.ofMillis(200));
            String url = pg.jdbcUrl("kept");
            try (Connection c = DriverManager.getConnection(url, pg.user(), ""); var st = c.createStatement()) {
                st.execute("create table kept (note text)");
                st.execute("insert into kept values ('before the crash')");
            }
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());

            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9 of the postmaster

            String note = Eventually.until(Duration.ofSeconds(90), Duration.ofMillis(250), () -> {
                try (Connection c = DriverManager.getConnection(url, pg.user(), "");
                        var rs = c.createStatement().executeQuery("select note from kept")) {
                    return rs.next() ? rs.getString(1) : null;
                } catch (java.sql.SQLException e) {
                    return null;
                }
            }, n -> n != null);
            assertThat(note).as("started again on its port, with its data").isEqualTo("before the crash");
            long restarted = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            assertThat(restarted).isNotEqualTo(pid);
        } finally {
            pg.close();
        }
    }

    private static Path tempDir() throws Exception {
        // World-readable: as root the server runs as the postgres user, which must reach the directory.
        return Files.createTempDirectory("kyso-dead-db-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
