package vn.kyso.letters.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.archive.ArchiveService;
import vn.kyso.conversion.ConversionService;
import vn.kyso.letters.LettersException;
import vn.kyso.letters.LettersService;
import vn.kyso.letters.LettersSettings;
import vn.kyso.letters.VerifyAddress;
import vn.kyso.letters.internal.LetterStore;
import vn.kyso.letters.internal.LetterWorkflow;
import vn.kyso.signing.SigningService;

/**
 * Builds the {@link LettersService} on the application's {@link DataSource} (the pool the archive creates,
 * docs/adr/0014-connection-pool.md) and migrates the letters' tables at start-up. Without a data source,
 * signing or conversion there is no workflow and the api module answers 503. Ordered after the modules it
 * uses by class name, so that their beans are known when the conditions are evaluated.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, afterName = {
        "vn.kyso.archive.autoconfigure.ArchiveAutoConfiguration",
        "vn.kyso.signing.autoconfigure.SigningAutoConfiguration",
        "vn.kyso.conversion.autoconfigure.ConversionAutoConfiguration"})
@EnableConfigurationProperties(LettersSettings.class)
public class LettersAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LettersAutoConfiguration.class);

    /** The letters' tables, migrated now rather than on the first request. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSource.class)
    LetterStore letterStore(DataSource dataSource) {
        LetterStore store = new LetterStore(dataSource);
        try {
            store.migrate();
        } catch (LettersException e) {
            // The service starts without its database (the pool does too); the first use tries again.
            log.warn("Letters tables not migrated at start-up, will retry on first use: {}",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({LetterStore.class, SigningService.class, ConversionService.class})
    LettersService lettersService(LetterStore store, SigningService signing, ConversionService conversion,
            ObjectProvider<ArchiveService> archive, LettersSettings settings, ObjectProvider<VerifyAddress> address) {
        return new LetterWorkflow(store, signing, conversion, archive.getIfAvailable(), settings,
                Clock.systemUTC(), address.getIfAvailable());
    }
}
