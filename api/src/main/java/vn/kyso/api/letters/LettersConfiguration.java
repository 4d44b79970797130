package vn.kyso.api.letters;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code kyso.letters}; the workflow itself is built on first use by the controller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LettersSettings.class)
class LettersConfiguration {
}
