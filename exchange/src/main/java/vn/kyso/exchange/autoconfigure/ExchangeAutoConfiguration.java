package vn.kyso.exchange.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.autoconfigure.ArchiveAutoConfiguration;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.internal.EdxmlExchangeService;
import vn.kyso.signing.SigningService;
import vn.kyso.signing.autoconfigure.SigningAutoConfiguration;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * Builds the {@link ExchangeService} from {@code kyso.exchange.*} over the signing and validation
 * facades, which it cannot work without, and the archive when there is one (incoming letters are then
 * filed; without it they are only checked).
 */
@AutoConfiguration(after = {SigningAutoConfiguration.class, ValidationAutoConfiguration.class,
        ArchiveAutoConfiguration.class})
@ConditionalOnProperty(name = "kyso.exchange.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ExchangeProperties.class)
public class ExchangeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ExchangeSettings exchangeSettings(ExchangeProperties properties) {
        return properties.toSettings();
    }

    @Bean
    @ConditionalOnMissingBean(ExchangeService.class)
    @ConditionalOnBean({SigningService.class, ValidationService.class})
    EdxmlExchangeService exchangeService(SigningService signing, ValidationService validation,
            ObjectProvider<ArchiveService> archive, ExchangeSettings settings, ObjectProvider<DataSource> database) {
        // With a database the ledger of received messages is shared by every instance and survives restarts.
        return new EdxmlExchangeService(signing, validation, archive.getIfAvailable(), settings, Clock.systemUTC(),
                database.getIfAvailable());
    }
}
