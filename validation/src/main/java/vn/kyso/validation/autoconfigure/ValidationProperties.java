package vn.kyso.validation.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import vn.kyso.validation.ValidationSettings;

/**
 * {@code kyso.validation.*}: trust stores, revocation checking and the limits of one validation.
 *
 * <pre>
 * kyso.validation.trust-stores[0].name=government-ca
 * kyso.validation.trust-stores[0].family=SPECIALISED
 * kyso.validation.trust-stores[0].certificates=/etc/kyso/trust/gov-ca.pem
 * kyso.validation.trust-stores[1].name=national-root
 * kyso.validation.trust-stores[1].family=PUBLIC
 * kyso.validation.trust-stores[1].certificates=/etc/kyso/trust/national-root.pem
 * </pre>
 *
 * @param maxConcurrent validations at once; 0 means one per processor, at least two
 * @param fontDirectory where LiberationSerif-Regular.ttf and -Bold.ttf are, for the PDF report
 */
@Validated
@ConfigurationProperties("kyso.validation")
public record ValidationProperties(
        List<ValidationSettings.TrustStore> trustStores,
        @DefaultValue("false") boolean offline,
        @DefaultValue("10s") Duration networkTimeout,
        @DefaultValue("1h") Duration revocationCacheMaxAge,
        @DefaultValue("50MB") DataSize maxDocumentSize,
        @DefaultValue("30s") Duration maxValidationTime,
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("/usr/share/fonts/truetype/liberation2") Path fontDirectory) {

    public ValidationSettings toSettings() {
        return new ValidationSettings(trustStores == null ? List.of() : trustStores, offline, networkTimeout,
                revocationCacheMaxAge, maxDocumentSize.toBytes(), maxValidationTime, maxConcurrent);
    }
}
