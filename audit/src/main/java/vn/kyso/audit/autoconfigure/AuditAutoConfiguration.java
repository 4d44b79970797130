package vn.kyso.audit.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.internal.PostgresAuditLog;

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
    AuditSettings auditSettings(AuditProperties properties) {
        return settings(properties, null, List.of());
    }

    /**
     * The settings from {@code kyso.audit.*}, falling back to a TSA and roots the deployment offers when
     * they are not set: the demo supplies its own this way, so that this module does not know the demo PKI.
     */
    public static AuditSettings settings(AuditProperties properties, String defaultTsaUrl,
            List<X509Certificate> defaultTrustAnchors) {
        String url = properties.tsaUrl() != null ? properties.tsaUrl() : defaultTsaUrl;
        List<X509Certificate> anchors = new ArrayList<>();
        if (properties.tsaTrustAnchors() != null) {
            anchors.addAll(readPem(properties.tsaTrustAnchors()));
        } else {
            anchors.addAll(defaultTrustAnchors);
        }
        return new AuditSettings(url == null ? null : URI.create(url), properties.tsaTimeout(), anchors);
    }

    static List<X509Certificate> readPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("kyso.audit.tsa-trust-anchors holds no certificate");
            }
            return out;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("kyso.audit.tsa-trust-anchors cannot be read", e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(AuditLog.class)
    @ConditionalOnBean(DataSource.class)
    PostgresAuditLog auditLog(DataSource dataSource, AuditSettings settings) {
        return new PostgresAuditLog(dataSource, settings, Clock.systemUTC());
    }
}
