package vn.kyso.conversion.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.DetectedType;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.PdfAConformance;

class ConversionAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConversionAutoConfiguration.class));

    @Test
    void buildsTheServiceWithDefaultsAndStartsNoLibreOffice() {
        long before = officeProcessCount();
        runner.run(context -> {
            assertThat(context).hasSingleBean(ConversionService.class);
            ConversionSettings settings = context.getBean(ConversionSettings.class);
            assertThat(settings.poolSize()).isEqualTo(2);
            assertThat(settings.taskTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.maxSize()).isEqualTo(50L << 20);
            assertThat(settings.ocrLanguages()).isEqualTo("vie+eng");
            assertThat(settings.resolvedOfficeHome()).contains(Path.of("/usr/lib/libreoffice"));
            // Lazy: a context that converts nothing costs no LibreOffice process.
            assertThat(officeProcessCount()).isEqualTo(before);
        });
    }

    @Test
    void bindsKysoConversionProperties() {
        runner.withPropertyValues("kyso.conversion.pool-size=3", "kyso.conversion.task-timeout=45s",
                "kyso.conversion.max-size=10MB", "kyso.conversion.ocr-languages=vie",
                "kyso.conversion.office-home=/opt/libreoffice", "kyso.conversion.tesseract-path=/usr/bin/tesseract")
                .run(context -> {
                    ConversionSettings settings = context.getBean(ConversionSettings.class);
                    assertThat(settings.poolSize()).isEqualTo(3);
                    assertThat(settings.taskTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(settings.maxSize()).isEqualTo(10L << 20);
                    assertThat(settings.ocrLanguages()).isEqualTo("vie");
                    assertThat(settings.officeHome()).isEqualTo(Path.of("/opt/libreoffice"));
                    assertThat(settings.tesseract()).isEqualTo(Path.of("/usr/bin/tesseract"));
                });
    }

    @Test
    void refusesABadValueAtStartup() {
        runner.withPropertyValues("kyso.conversion.pool-size=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("kyso.conversion.ocr-languages=vie; rm -rf /")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void backsOffForAServiceOfTheApplication() {
        runner.withBean(ConversionService.class, Stub::new).run(context -> {
            assertThat(context).hasSingleBean(ConversionService.class);
            assertThat(context.getBean(ConversionService.class)).isInstanceOf(Stub.class);
        });
    }

    private static long officeProcessCount() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("soffice")).orElse(false)).count();
    }

    static class Stub implements ConversionService {
        @Override
        public DetectedType detect(byte[] content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Extraction extract(byte[] content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConversionResult toPdfA(ConversionRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PdfAConformance checkPdfA(byte[] pdf) {
            throw new UnsupportedOperationException();
        }
    }
}
