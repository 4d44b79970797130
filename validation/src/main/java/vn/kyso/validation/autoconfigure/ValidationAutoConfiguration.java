package vn.kyso.validation.autoconfigure;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.internal.DssValidationService;

/**
 * Builds the {@link ValidationService} from {@code kyso.validation.*}. An application may supply its
 * own {@link ValidationSettings} (the demo does, from its generated PKI) or its own service.
 */
@AutoConfiguration(afterName = "vn.kyso.signing.autoconfigure.SigningAutoConfiguration")
@EnableConfigurationProperties(ValidationProperties.class)
public class ValidationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ValidationSettings validationSettings(ValidationProperties properties) {
        return properties.toSettings();
    }

    /**
     * The process's one revocation cache, shared with signing: signing's auto-configuration declares
     * the same bean under the same condition and runs first when present.
     */
    @Bean
    @ConditionalOnMissingBean
    RevocationCache revocationCache(ValidationSettings settings) {
        return new RevocationCache(RevocationCache.Settings.defaults(settings.revocationCacheMaxAge()),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ValidationService.class)
    DssValidationService validationService(ValidationSettings settings, ValidationProperties properties,
            RevocationCache revocationCache) {
        return new DssValidationService(settings, Clock.systemUTC(), properties.fontDirectory(), revocationCache);
    }
}
