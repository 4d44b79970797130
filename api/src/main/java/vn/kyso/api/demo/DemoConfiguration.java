package vn.kyso.api.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.kyso.core.demopki.DemoPki;
import vn.kyso.core.demopki.DemoPkiSettings;
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.demo.DemoSigningSettings;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.demo.DemoValidationSettings;

/**
 * Supplies {@link SigningSettings} and {@link ValidationSettings} from the demo PKI, so the signing and
 * validation auto-configurations back off their own {@code kyso.signing.*} and {@code kyso.validation.*}
 * settings: what the demo signs, it also trusts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean(destroyMethod = "close")
    DemoPki demoPki(DemoProperties properties) {
        DemoPkiSettings defaults = DemoPkiSettings.defaults(properties.directory().toAbsolutePath());
        DemoPkiSettings settings = new DemoPkiSettings(defaults.directory(), properties.port(),
                defaults.pkcs11Library(), defaults.softhsmUtil());
        return DemoPki.createOrLoad(settings).startResponders();
    }

    @Bean
    SigningSettings demoSigningSettings(DemoPki pki, DemoProperties properties) {
        return DemoSigningSettings.from(pki, properties.fontFile());
    }

    @Bean
    ValidationSettings demoValidationSettings(DemoPki pki) {
        return DemoValidationSettings.from(pki);
    }
}
