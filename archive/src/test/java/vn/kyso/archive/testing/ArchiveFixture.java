package vn.kyso.archive.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.internal.LocalPostgres;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.validation.ValidationFixture;

/**
 * One real PostgreSQL server per test JVM (Debian's binaries, throw-away data directory) with a
 * fresh database per caller, and archive services over the demo PKI's signing and validation.
 */
public final class ArchiveFixture {

    private static LocalPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ArchiveFixture() {
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            try {
                // Under /tmp: the server may run as the postgres user, which needs to reach the directory.
                Path dir = Files.createTempDirectory("kyso-test-pg-",
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
                postgres = LocalPostgres.start(dir.resolve("data"), 0, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** A connection pool on a database of its own. */
    public static HikariDataSource newDatabase(String prefix) {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        return dataSource(postgres().jdbcUrl(name));
    }

    public static HikariDataSource dataSource(String jdbcUrl) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        c.setUsername(postgres().user());
        c.setMaximumPoolSize(8);
        c.setConnectionTimeout(3_000);
        c.setValidationTimeout(1_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** The MinIO-client adapter on a bucket of its own in the shared S3 server process. */
    public static ObjectStore s3Store(String prefix) {
        S3TestServer s3 = S3TestServer.shared();
        return new vn.kyso.archive.internal.store.MinioObjectStore(vn.kyso.archive.internal.store.MinioSettings.of(
                s3.endpoint(), prefix + "-" + ProcessHandle.current().pid() + "-" + DATABASES.incrementAndGet(),
                null, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, true));
    }

    public static PostgresArchiveService service(DataSource dataSource, ObjectStore store) {
        return service(dataSource, store, ArchiveSettings.defaults(), Clock.systemUTC());
    }

    public static PostgresArchiveService service(DataSource dataSource, ObjectStore store, ArchiveSettings settings,
            Clock clock) {
        return new PostgresArchiveService(dataSource, store, ValidationFixture.service(), ValidationFixture.signer(),
                null, settings, clock).start();
    }
}
