package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

class PdfAConversionTest {

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"DOCX", "DOC", "ODT", "XLSX", "RTF", "HTML"})
    void officeDocumentsBecomeCompliantPdfA2bKeepingTheVietnameseText(SourceFormat format) {
        ConversionResult result = Samples.service().toPdfA(ConversionRequest.of(Samples.document(format)));

        assertThat(result.source().format()).isEqualTo(format);
        assertThat(result.conformance().failures()).isEmpty();
        assertThat(result.conformance().compliant()).isTrue();
        assertThat(result.conformance().profile()).isEqualTo(PdfAProfile.PDF_A_2B);
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(result.passedThrough()).isFalse();
        assertThat(Samples.text(result.pdf())).contains(Samples.SENTENCE);
    }

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"PNG", "JPEG"})
    void imagesBecomeCompliantPdfA2bWithAnOcrTextLayer(SourceFormat format) {
        ConversionResult result = Samples.service().toPdfA(ConversionRequest.of(Samples.document(format)));

        assertThat(result.conformance().failures()).isEmpty();
        assertThat(result.conformance().compliant()).isTrue();
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(result.ocrUsed()).isTrue();
        String text = Samples.text(result.pdf());
        assertThat(text).contains("Việt", "Nam", "Độc", "Hạnh");
    }
}
