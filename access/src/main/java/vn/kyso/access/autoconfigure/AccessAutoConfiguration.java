package vn.kyso.access.autoconfigure;

import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.access.AccessControl;
import vn.kyso.access.AccessGrants;
import vn.kyso.access.SecuritySettings;
import vn.kyso.access.internal.JdbcAccessStore;
import vn.kyso.access.internal.StoredAccessControl;
import vn.kyso.access.spi.AccessStore;

/**
 * Builds {@link AccessControl} from {@code kyso.security.*}, the grants other modules contribute (the
 * demo's), and the administrator's changes kept in the application's database, whose tables are migrated
 * here, at start-up. Without a data source, owners and keys come from the configuration only. Named by
 * class name after the archive, which creates the shared pool (docs/adr/0014-connection-pool.md).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = "vn.kyso.archive.autoconfigure.ArchiveAutoConfiguration")
@EnableConfigurationProperties(SecuritySettings.class)
public class AccessAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    /**
     * Key owners and API keys: the configured ones (with the grants of code merged in) as the administrator
     * changed them since, kept in the application's database when there is one (a test may bring its own
     * {@link AccessStore}).
     */
    @Bean
    @ConditionalOnMissingBean
    AccessControl accessControl(SecuritySettings configured, ObjectProvider<AccessGrants> grants,
            ObjectProvider<AccessStore> stores, ObjectProvider<DataSource> dataSources) {
        SecuritySettings effective = configured;
        for (AccessGrants g : grants.orderedStream().toList()) {
            effective = effective.with(g);
        }
        AccessStore store = stores.getIfAvailable(() -> {
            DataSource dataSource = dataSources.getIfAvailable();
            return dataSource == null ? null : new JdbcAccessStore(dataSource);
        });
        if (store == null) {
            log.info("No database for access control: key owners and API keys come from the configuration only "
                    + "and cannot be changed through the API");
        }
        return new StoredAccessControl(effective, store, Clock.systemUTC(), new SecureRandom());
    }
}
