package vn.kyso.validation.autoconfigure;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.internal.DssValidationService;

/**
 * Builds the {@link ValidationService} from {@code kyso.validation.*}. An application may supply its
 * own {@link ValidationSettings} (the demo does, from its generated PKI) or its own service.
 */
@AutoConfiguration
@EnableConfigurationProperties(ValidationProperties.class)
public class ValidationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ValidationSettings validationSettings(ValidationProperties properties) {
        return properties.toSettings();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ValidationService.class)
    DssValidationService validationService(ValidationSettings settings, ValidationProperties properties) {
        return new DssValidationService(settings, Clock.systemUTC(), properties.fontDirectory());
    }
}
