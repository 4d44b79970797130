package vn.kyso.conversion.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.internal.LibreOfficeConversionService;

/**
 * Builds the {@link ConversionService} from {@code kyso.conversion.*}. Creating it starts nothing: LibreOffice
 * starts on the first conversion and stops when the context closes.
 */
@AutoConfiguration
@EnableConfigurationProperties(ConversionProperties.class)
public class ConversionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConversionSettings conversionSettings(ConversionProperties properties) {
        return properties.toSettings();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(ConversionService.class)
    LibreOfficeConversionService conversionService(ConversionSettings settings) {
        return new LibreOfficeConversionService(settings);
    }
}
