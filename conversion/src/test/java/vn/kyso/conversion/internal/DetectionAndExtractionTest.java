package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.DetectedType;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

class DetectionAndExtractionTest {

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"DOCX", "DOC", "ODT", "XLSX", "RTF", "HTML", "PNG", "JPEG", "PDF"})
    void detectsEachFormatByItsContent(SourceFormat format) {
        DetectedType type = Samples.service().detect(Samples.document(format));

        assertThat(type.format()).isEqualTo(format);
        assertThat(type.mediaType()).isEqualTo(format.mediaTypes().get(0));
        assertThat(type.convertible()).isTrue();
    }

    @Test
    void aMisleadingFileNameChangesNothing() {
        // A DOCX the client calls "scan.png": converted by LibreOffice as the DOCX it is.
        ConversionResult result = Samples.service().toPdfA(
                new ConversionRequest(Samples.document(SourceFormat.DOCX), "scan.png", PdfAProfile.PDF_A_2B));

        assertThat(result.source().format()).isEqualTo(SourceFormat.DOCX);
        assertThat(result.ocrUsed()).isFalse();
        assertThat(Samples.text(result.pdf())).contains(Samples.SENTENCE);
    }

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"DOCX", "ODT"})
    void extractsVietnameseTextWithItsDiacritics(SourceFormat format) {
        Extraction extraction = Samples.service().extract(Samples.document(format));

        assertThat(extraction.mediaType()).isEqualTo(format.mediaTypes().get(0));
        assertThat(extraction.text()).contains(Samples.SENTENCE, Samples.MOTTO);
        assertThat(extraction.truncated()).isFalse();
        assertThat(extraction.language()).contains("vi");
        assertThat(extraction.metadata()).containsEntry("dc:title", java.util.List.of("Công văn mẫu"));
        assertThat(extraction.ocrUsed()).isFalse();
    }

    @Test
    void extractionOfAnImageUsesOcr() {
        Extraction extraction = Samples.service().extract(Samples.document(SourceFormat.PNG));

        assertThat(extraction.ocrUsed()).isTrue();
        assertThat(extraction.text()).contains("Việt", "Nam");
    }

    @Test
    void extractionStopsAtTheTextLimit() {
        var settings = vn.kyso.conversion.ConversionSettings.defaults();
        var small = new vn.kyso.conversion.ConversionSettings(settings.officeHome(), 1, settings.taskTimeout(),
                settings.maxSize(), settings.maxExpandedSize(), 10, settings.ocrLanguages(), settings.tesseract(),
                settings.fontDirectory());
        try (var service = new LibreOfficeConversionService(small)) {
            Extraction extraction = service.extract(Samples.document(SourceFormat.HTML));
            assertThat(extraction.truncated()).isTrue();
            assertThat(extraction.text()).hasSizeLessThanOrEqualTo(10);
        }
    }
}
