package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.PdfAConformance;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

class PdfInputTest {

    @Test
    void aPlainPdfIsReportedNonCompliantWithTheRulesItBreaks() throws IOException {
        PdfAConformance conformance = Samples.service().checkPdfA(plainPdf());

        assertThat(conformance.compliant()).isFalse();
        assertThat(conformance.profile()).isEqualTo(PdfAProfile.PDF_A_2B);
        assertThat(conformance.failures()).isNotEmpty();
        assertThat(conformance.failures()).allSatisfy(f -> {
            assertThat(f.id()).matches("6(\\.\\d+)+-\\d+");
            assertThat(f.description()).isNotBlank();
        });
        // Helvetica not embedded (6.2.11.4.1) and no OutputIntent for DeviceRGB-free but XMP-less file (6.6.2.1).
        assertThat(conformance.failures()).extracting(f -> f.id()).contains("6.2.11.4.1-1");
    }

    @Test
    void aPdfAPassesThroughUnchanged() {
        byte[] pdfa = Samples.service().toPdfA(ConversionRequest.of(Samples.document(SourceFormat.ODT))).pdf();

        ConversionResult again = Samples.service().toPdfA(ConversionRequest.of(pdfa));

        assertThat(again.passedThrough()).isTrue();
        assertThat(again.pdf()).isEqualTo(pdfa);
        assertThat(again.conformance().compliant()).isTrue();
        assertThat(Samples.service().checkPdfA(pdfa).profile()).isEqualTo(PdfAProfile.PDF_A_2B);
    }

    @Test
    void aPlainPdfIsConvertedThroughLibreOfficeDraw() {
        ConversionResult result = Samples.service().toPdfA(ConversionRequest.of(Samples.document(SourceFormat.PDF)));

        assertThat(result.passedThrough()).isFalse();
        assertThat(result.conformance().failures()).isEmpty();
        assertThat(result.pageCount()).isEqualTo(1);
        assertThat(Samples.text(result.pdf())).contains("Việt Nam");
    }

    @Test
    void pdfA3bCarriesTheSourceAsAnAssociatedFile() throws IOException {
        byte[] docx = Samples.document(SourceFormat.DOCX);

        ConversionResult result = Samples.service().toPdfA(
                new ConversionRequest(docx, "../công văn 12.docx", PdfAProfile.PDF_A_3B));

        assertThat(result.conformance().failures()).isEmpty();
        assertThat(result.conformance().profile()).isEqualTo(PdfAProfile.PDF_A_3B);
        try (PDDocument doc = Loader.loadPDF(result.pdf())) {
            var files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertThat(files).containsOnlyKeys("công văn 12.docx");
            assertThat(files.get("công văn 12.docx").getEmbeddedFile().toByteArray()).isEqualTo(docx);
        }
    }

    static byte[] plainPdf() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Not PDF/A");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
