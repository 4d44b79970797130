package vn.kyso.audit.autoconfigure;

import java.net.URI;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.internal.PostgresAuditLog;
import vn.kyso.core.demopki.DemoPki;

/**
 * Builds the {@link AuditLog} on the application's {@link DataSource} (the archive's catalogue
 * database, or Spring Boot's), in tables of its own with their own Flyway history. Named by class
 * name so that the audit module does not depend on the archive.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "vn.kyso.archive.autoconfigure.ArchiveAutoConfiguration")
@ConditionalOnProperty(name = "kyso.audit.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditSettings auditSettings(AuditProperties properties, ObjectProvider<DemoPki> demo) {
        String url = properties.tsaUrl();
        if (url == null) {
            DemoPki pki = demo.getIfAvailable();
            url = pki == null ? null : pki.tsaUrl();
        }
        return new AuditSettings(url == null ? null : URI.create(url), properties.tsaTimeout());
    }

    @Bean
    @ConditionalOnMissingBean(AuditLog.class)
    @ConditionalOnBean(DataSource.class)
    PostgresAuditLog auditLog(DataSource dataSource, AuditSettings settings) {
        return new PostgresAuditLog(dataSource, settings, Clock.systemUTC());
    }
}
