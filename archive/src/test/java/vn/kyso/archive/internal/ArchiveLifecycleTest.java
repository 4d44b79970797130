package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.validation.ValidationFixture;

/** Building the service touches nothing; start() migrates and starts the threads, close() stops them. */
class ArchiveLifecycleTest {

    @Test
    void theConstructorNeitherReachesTheDatabaseNorStartsThreads() {
        // Nothing listens on port 1: a constructor that migrated would fail here.
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");
        Set<Long> before = archiveThreads();

        PostgresArchiveService archive = service(unreachable);

        assertThat(archiveThreads()).isEqualTo(before);
        assertThat(archive.backlog()).isZero();
        assertThatThrownBy(() -> archive.accept(new IngestRequest("cv.pdf", Letters.unsigned("Chưa khởi động"), null,
                Letters.metadata("1/UBND-VP", "Chưa khởi động"), "van-thu")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        assertThatThrownBy(archive::start).as("migration is where the database is first reached")
                .isInstanceOf(org.flywaydb.core.api.FlywayException.class);
        archive.close();
    }

    @Test
    void startMigratesTheSchemaOnceAndStartsTheWorkersThatCloseStops() {
        try (HikariDataSource db = ArchiveFixture.newDatabase("lifecycle")) {
            PostgresArchiveService archive = service(db);
            assertThat(tables(db)).doesNotContain("record", "record_object", "job_run", "disposal_list");

            archive.start();
            archive.start();

            assertThat(tables(db)).contains("record", "record_object", "record_event", "job_run", "disposal_list",
                    "disposal_item");
            assertThat(JdbcClient.create(db).sql("select count(*) from kyso_archive_schema_history where success")
                    .query(Integer.class).single()).isPositive();
            assertThat(archive.search(vn.kyso.archive.RecordQuery.text("không có")).total()).isZero();
            archive.close();
        }
    }

    private static PostgresArchiveService service(javax.sql.DataSource dataSource) {
        return new PostgresArchiveService(dataSource, new InMemoryObjectStore(), ValidationFixture.service(),
                ValidationFixture.signer(), null, ArchiveSettings.defaults(), Clock.systemUTC());
    }

    private static Set<String> tables(javax.sql.DataSource db) {
        return Set.copyOf(JdbcClient.create(db).sql("select table_name from information_schema.tables "
                + "where table_schema = current_schema()").query(String.class).list());
    }

    private static Set<Long> archiveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("archive-"))
                .map(Thread::getId).collect(Collectors.toSet());
    }
}
