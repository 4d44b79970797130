package vn.kyso.archive.autoconfigure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
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
    HikariDataSource archiveDataSource(ArchiveProperties properties) {
        ArchiveProperties.Database d = properties.database();
        HikariConfig c = new HikariConfig();
        c.setPoolName("kyso-archive");
        c.setMaximumPoolSize(d.maxConnections());
        c.setConnectionTimeout(5_000);
        c.setValidationTimeout(2_000);
        // Start even when the database is down: requests then answer 503 until it is back.
        c.setInitializationFailTimeout(-1);
        if (d.url() != null && !d.url().isBlank()) {
            c.setJdbcUrl(d.url());
            c.setUsername(d.username());
            c.setPassword(d.password());
        } else {
            Path dir = properties.directory().resolve("postgres").toAbsolutePath();
            LocalPostgres pg = LocalPostgres.shared(dir, d.port());
            c.setJdbcUrl(pg.jdbcUrl("kyso"));
            c.setUsername(pg.user());
        }
        return new HikariDataSource(c);
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
