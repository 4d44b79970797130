package vn.kyso.api.archive;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.Extraction;

/**
 * Connects the archive to the conversion module: the catalogue's full text comes from Tika (with OCR
 * of scans) instead of the archive's PDF-only fallback. Modules stay independent; the application
 * joins them here.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveWiring {

    /** Resolved per call: the conversion service comes from an auto-configuration, after this class. */
    @Bean
    TextExtractor tikaTextExtractor(ObjectProvider<ConversionService> conversions) {
        return (name, content) -> {
            ConversionService conversion = conversions.getIfAvailable();
            if (conversion == null) {
                return null;
            }
            try {
                Extraction e = conversion.extract(content);
                return new TextExtractor.Extracted(e.text(),
                        e.pageCount().isPresent() ? e.pageCount().getAsInt() : null);
            } catch (ConversionException e) {
                return new TextExtractor.Extracted("", null);
            }
        };
    }
}
