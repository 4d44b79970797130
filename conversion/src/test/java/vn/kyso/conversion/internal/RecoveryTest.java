package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.SourceFormat;

class RecoveryTest {

    @Test
    void aKilledLibreOfficeProcessIsRestartedAndConversionsGoOn() throws Exception {
        LibreOfficeConversionService service = Samples.service();
        byte[] docx = Samples.document(SourceFormat.DOCX);
        service.toPdfA(ConversionRequest.of(docx)); // pool up
        List<ProcessHandle> office = officeProcesses();
        assertThat(office).isNotEmpty();

        ProcessHandle victim = office.get(0);
        victim.destroyForcibly();
        victim.onExit().get();

        // Every process of the pool gets work: the restarted one must answer too.
        for (int i = 0; i < 4; i++) {
            assertThat(service.toPdfA(ConversionRequest.of(docx)).conformance().compliant()).isTrue();
        }
        assertThat(officeProcesses()).hasSameSizeAs(office).doesNotContain(victim);
    }

    @Test
    void withoutLibreOfficeTheServiceStartsAndOfficeConversionsAreUnavailable() {
        try (var service = new LibreOfficeConversionService(
                ConversionSettings.defaults().withOfficeHome(Path.of("/nonexistent/libreoffice")))) {
            assertThat(service.officeInstalled()).isFalse();
            assertThatThrownBy(() -> service.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.DOCX))))
                    .isInstanceOfSatisfying(ConversionException.class,
                            e -> assertThat(e.error()).isEqualTo(ConversionError.CONVERTER_UNAVAILABLE));
            // Images do not need LibreOffice.
            assertThat(service.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.PNG))).conformance()
                    .compliant()).isTrue();
        }
    }

    static List<ProcessHandle> officeProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("soffice")).orElse(false))
                .toList();
    }
}
