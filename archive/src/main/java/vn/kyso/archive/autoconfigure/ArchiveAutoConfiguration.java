package vn.kyso.archive.autoconfigure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.EvidenceRecordSettings;
import vn.kyso.archive.internal.LocalPostgres;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.internal.store.FilesystemObjectStore;
import vn.kyso.archive.internal.store.MinioObjectStore;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.signing.SigningService;
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.autoconfigure.SigningAutoConfiguration;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * Builds the {@link ArchiveService} from {@code kyso.archive.*}: the object store (filesystem by
 * default, or S3 through the MinIO client), the catalogue's data source (an operated PostgreSQL,
 * or a private one started here) and the service over the signing and validation facades.
 * Runs before Spring Boot's data-source auto-configuration, which then backs off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        after = {SigningAutoConfiguration.class, ValidationAutoConfiguration.class})
@ConditionalOnProperty(name = "kyso.archive.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ArchiveProperties.class)
public class ArchiveAutoConfiguration {

    static final String DEMO_PROFILE = "demo";
    /** How often the private PostgreSQL is looked at, and started again if it died under the service. */
    static final java.time.Duration WATCHDOG_INTERVAL = java.time.Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    ArchiveSettings archiveSettings(ArchiveProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean
    ObjectStore archiveObjectStore(ArchiveProperties properties) {
        ArchiveProperties.Store s = properties.store();
        return switch (s.type()) {
            case "filesystem" -> new FilesystemObjectStore(s.root() != null ? s.root()
                    : properties.directory().resolve("objects"));
            case "s3" -> {
                if (s.endpoint() == null) {
                    throw new IllegalStateException("kyso.archive.store.endpoint is required for the s3 store");
                }
                yield new MinioObjectStore(MinioSettings.of(s.endpoint(), s.bucket(), s.region(), s.accessKey(),
                        s.secretKey(), s.objectLock()));
            }
            default -> throw new IllegalStateException("kyso.archive.store.type is filesystem or s3, not "
                    + s.type());
        };
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource archiveDataSource(ArchiveProperties properties, Environment environment) {
        ArchiveProperties.Database d = properties.database();
        HikariConfig c = new HikariConfig();
        c.setPoolName("kyso-archive");
        c.setMaximumPoolSize(d.maxConnections());
        // A dead database must cost a request about connectionTimeout, then 503 (issue #13): Hikari waits
        // that long for a connection, validates within half of it, and the driver gives up a TCP connect
        // to an unreachable host within it too (its default is 10 s).
        long timeout = Math.max(500, d.connectionTimeout().toMillis());
        c.setConnectionTimeout(timeout);
        c.setValidationTimeout(Math.max(250, timeout / 2));
        c.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, timeout / 1000)));
        // Start even when the database is down: requests then answer 503 until it is back.
        c.setInitializationFailTimeout(-1);
        if (d.url() != null && !d.url().isBlank()) {
            c.setJdbcUrl(d.url());
            c.setUsername(d.username());
            c.setPassword(d.password());
        } else {
            refusePrivateDatabaseOutsideDemo(environment.getActiveProfiles());
            Path dir = properties.directory().resolve("postgres").toAbsolutePath();
            LocalPostgres pg = LocalPostgres.shared(dir, d.port());
            pg.watch(WATCHDOG_INTERVAL);
            c.setJdbcUrl(pg.jdbcUrl("kyso"));
            c.setUsername(pg.user());
        }
        return new HikariDataSource(c);
    }

    /**
     * The private PostgreSQL is the zero-setup default of the demo and of development, which run with no
     * Spring profile or with {@code demo}. Any other profile ({@code prod}, an agency's own) is a
     * deployment, where a catalogue that lives and dies with one instance would split the archive.
     */
    static void refusePrivateDatabaseOutsideDemo(String[] activeProfiles) {
        List<String> others = Arrays.stream(activeProfiles).filter(p -> !DEMO_PROFILE.equals(p)).toList();
        if (!others.isEmpty()) {
            throw new IllegalStateException("kyso.archive.database.url is not set, and the private PostgreSQL is "
                    + "only for the demo and development, not with the profile(s) " + others + ": set "
                    + "kyso.archive.database.url, username and password (KYSO_ARCHIVE_DATABASE_PASSWORD) to the "
                    + "operated PostgreSQL");
        }
    }

    /** Spring calls {@code start()} (schema migration, worker threads) after building it, {@code close()} at shutdown. */
    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean(ArchiveService.class)
    @ConditionalOnBean({SigningService.class, ValidationService.class})
    PostgresArchiveService archiveService(DataSource dataSource, ObjectStore store, ValidationService validation,
            SigningService signing, ObjectProvider<TextExtractor> extractor, ArchiveSettings settings,
            EvidenceRecordSettings evidenceRecords) {
        return new PostgresArchiveService(dataSource, store, validation, signing, extractor.getIfAvailable(),
                settings, evidenceRecords, Clock.systemUTC());
    }

    /** Evidence records are stamped by their own TSA if one is set, else by the one signing uses. */
    @Bean
    @ConditionalOnMissingBean
    EvidenceRecordSettings evidenceRecordSettings(ArchiveProperties properties,
            ObjectProvider<SigningSettings> signing) {
        EvidenceRecordSettings own = properties.evidenceRecords().toSettings();
        SigningSettings s = signing.getIfAvailable();
        return own.tsaUrl() == null && s != null ? own.withTsaUrl(s.tsaUrl()) : own;
    }
}
