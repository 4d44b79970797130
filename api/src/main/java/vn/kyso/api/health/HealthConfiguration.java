package vn.kyso.api.health;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link HealthSettings}; the indicators are components of this package. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthSettings.class)
class HealthConfiguration {
}
