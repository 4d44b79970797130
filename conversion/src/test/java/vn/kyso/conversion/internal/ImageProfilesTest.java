package vn.kyso.conversion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionSettings;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.conversion.SourceFormat;

class ImageProfilesTest {

    @Test
    void anImageAsPdfA3bCarriesTheImage() {
        byte[] png = Samples.document(SourceFormat.PNG);

        ConversionResult result = Samples.service().toPdfA(new ConversionRequest(png, null, PdfAProfile.PDF_A_3B));

        assertThat(result.conformance().failures()).isEmpty();
        assertThat(result.conformance().profile()).isEqualTo(PdfAProfile.PDF_A_3B);
        assertThat(Samples.text(result.pdf())).contains("Việt Nam");
    }

    @Test
    void withoutTesseractAnImageStillConvertsWithoutATextLayer() {
        var d = ConversionSettings.defaults();
        var settings = new ConversionSettings(d.officeHome(), 1, d.taskTimeout(), d.maxSize(), d.maxExpandedSize(),
                d.maxTextLength(), d.ocrLanguages(), Path.of("/nonexistent/tesseract"), d.fontDirectory());
        try (var service = new LibreOfficeConversionService(settings)) {
            ConversionResult result = service.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.JPEG)));

            assertThat(result.conformance().compliant()).isTrue();
            assertThat(result.ocrUsed()).isFalse();
            assertThat(Samples.text(result.pdf()).strip()).isEmpty();
        }
    }

    @Test
    void aScannedPdfIsReadThroughOcr() {
        var d = ConversionSettings.defaults();
        var noOcr = new ConversionSettings(d.officeHome(), 1, d.taskTimeout(), d.maxSize(), d.maxExpandedSize(),
                d.maxTextLength(), d.ocrLanguages(), Path.of("/nonexistent/tesseract"), d.fontDirectory());
        byte[] scan;
        try (var service = new LibreOfficeConversionService(noOcr)) {
            scan = service.toPdfA(ConversionRequest.of(Samples.document(SourceFormat.PNG))).pdf();
        }

        var extraction = Samples.service().extract(scan);

        assertThat(extraction.ocrUsed()).isTrue();
        assertThat(extraction.text()).contains("Việt Nam");
    }

    @Test
    void everyFrameOfATiffBecomesAPage() {
        byte[] one = Samples.document(SourceFormat.PNG);
        byte[] tiff = tiff(List.of(decode(one), decode(one)));

        ConversionResult result = Samples.service().toPdfA(ConversionRequest.of(tiff));

        assertThat(result.source().format()).isEqualTo(SourceFormat.TIFF);
        assertThat(result.pageCount()).isEqualTo(2);
        assertThat(result.conformance().failures()).isEmpty();
    }

    private static BufferedImage decode(byte[] image) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] tiff(List<BufferedImage> frames) {
        try {
            var writer = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
            var out = new java.io.ByteArrayOutputStream();
            try (var ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (BufferedImage frame : frames) {
                    writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
