package vn.kyso.signing.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.signing.SigningService;
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.SigningTimings;
import vn.kyso.signing.internal.DssSigningService;

/**
 * Builds the {@link SigningService} from {@code kyso.signing.*}. An application may supply its own
 * {@link SigningSettings} (the demo does, from its generated PKI) or its own service.
 */
@AutoConfiguration
@EnableConfigurationProperties(SigningProperties.class)
public class SigningAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SigningSettings signingSettings(SigningProperties properties) {
        return properties.toSettings();
    }

    /**
     * The process's one revocation cache. Validation's auto-configuration declares the same bean under
     * the same condition, so whichever module runs first builds it and the other shares it.
     */
    @Bean
    @ConditionalOnMissingBean
    RevocationCache revocationCache(SigningSettings settings) {
        return new RevocationCache(RevocationCache.Settings.defaults(settings.revocationCacheMaxAge()),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(SigningService.class)
    DssSigningService signingService(SigningSettings settings, RevocationCache revocationCache,
            ObjectProvider<DataSource> database, ObjectProvider<SigningTimings> timings) {
        // The database, where there is one, holds prepared remote signatures for every instance (ADR 0015).
        return new DssSigningService(settings, Clock.systemUTC(), revocationCache, database::getIfAvailable,
                timings.getIfAvailable(() -> SigningTimings.NONE));
    }
}
