package vn.kyso.api.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.kyso.access.AccessGrants;
import vn.kyso.audit.AuditSettings;
import vn.kyso.audit.autoconfigure.AuditAutoConfiguration;
import vn.kyso.audit.autoconfigure.AuditProperties;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.DemoPkiSettings;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.signing.SigningSettings;
import vn.kyso.signing.demo.DemoSigningSettings;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.demo.DemoValidationSettings;

/**
 * Supplies {@link SigningSettings} and {@link ValidationSettings} from the demo PKI, so the signing and
 * validation auto-configurations back off their own {@code kyso.signing.*} and {@code kyso.validation.*}
 * settings: what the demo signs, it also trusts; and the audit trail's checkpoints the demo TSA. With access
 * control on, also who may use the demo keys. Only in the -demo jar, which carries the demo PKI (ADR 0012);
 * {@link DemoUnavailable} refuses to start the production jar with the demo switched on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "true")
@ConditionalOnClass(name = DemoConfiguration.DEMO_PKI)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    static final String KEYS_FILE = "demo-api-keys.txt";
    static final String DEMO_PKI = "vn.kyso.demopki.DemoPki";

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

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

    /** Checkpoints time-stamped by the demo TSA and checked against the demo roots, unless kyso.audit.* names others. */
    @Bean
    @ConditionalOnProperty(name = "kyso.audit.enabled", havingValue = "true", matchIfMissing = true)
    AuditSettings demoAuditSettings(AuditProperties properties, DemoPki pki) {
        List<X509Certificate> roots = new ArrayList<>(pki.trustAnchors(KeyFamily.SPECIALISED));
        roots.addAll(pki.trustAnchors(KeyFamily.PUBLIC));
        return AuditAutoConfiguration.settings(properties, pki.tsaUrl(), roots);
    }

    /**
     * With access control on, API keys for demo principals and the owners of the demo keys; the secrets go
     * to demo-api-keys.txt beside the PKI directory (scripts/run.sh: var/demo-api-keys.txt).
     */
    @Bean
    @ConditionalOnProperty(name = "kyso.security.enabled", havingValue = "true", matchIfMissing = true)
    AccessGrants demoAccessGrants(DemoPki pki, DemoProperties properties, ObjectProvider<ExchangeSettings> exchange) {
        List<DemoAccess.Holder> holders = pki.identities().stream()
                .map(i -> new DemoAccess.Holder(i.alias(), i.holder() == DemoIdentity.Holder.PERSON, i.organisation()))
                .toList();
        // The agencies the exchange acts for are known by their codes (000.00.00.H99): so are their clerks.
        Map<String, String> agencyCodes = new HashMap<>();
        ExchangeSettings settings = exchange.getIfAvailable();
        if (settings != null) {
            settings.organs().forEach(o -> agencyCodes.put(o.keyAlias(), o.organ().organId()));
        }
        DemoAccess access = DemoAccess.of(holders, agencyCodes, new SecureRandom());
        Path file = properties.directory().toAbsolutePath().resolveSibling(KEYS_FILE);
        access.write(file);
        log.info("Demo access control: API keys for {} principals ({}) in {}", access.grants().size(),
                access.grants().stream().map(DemoAccess.Grant::principal).toList(), file);
        return access.accessGrants();
    }
}
