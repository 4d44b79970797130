package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CopySource;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;

/**
 * The digitised paper original of a copy (Decree 30/2020: colour, at least 200 dpi, PDF 1.4 or later),
 * on scans generated here: an A5 page painted like a letter with a red seal, drawn over the whole page at a
 * chosen resolution, in colour (DeviceRGB) or in grey (DeviceGray).
 */
class PaperScanTest {

    @Test
    void aGreyScanAt150DpiIsRefusedInBothLanguages() {
        byte[] scan = scan(150, BufferedImage.TYPE_BYTE_GRAY, 1.7f);

        assertThatThrownBy(() -> PaperScan.check(scan)).isInstanceOfSatisfying(SigningException.class, e -> {
            assertThat(e.error()).isEqualTo(SigningError.COPY_SOURCE_SCAN_INVALID);
            assertThat(e.getMessage()).contains("page 1 is scanned in grey or black and white");
            assertThat(e.messageVi()).contains("chế độ màu", "trang 1 được số hóa ở chế độ xám");
        });
    }

    @Test
    void aColourScanAt300DpiIsAccepted() {
        assertThatCode(() -> PaperScan.check(scan(300, BufferedImage.TYPE_INT_RGB, 1.7f))).doesNotThrowAnyException();
    }

    @Test
    void aColourScanBelow200DpiIsRefusedWithItsMeasuredResolution() {
        assertThatThrownBy(() -> PaperScan.check(scan(150, BufferedImage.TYPE_INT_RGB, 1.7f)))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.COPY_SOURCE_SCAN_INVALID);
                    assertThat(e.getMessage()).contains("page 1 is scanned at 150 dpi, below 200 dpi");
                    assertThat(e.messageVi()).contains("150 dpi, thấp hơn 200 dpi");
                });
    }

    @Test
    void aGreyScanAt300DpiIsStillRefusedForItsColour() {
        assertThatThrownBy(() -> PaperScan.check(scan(300, BufferedImage.TYPE_BYTE_GRAY, 1.7f)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.getMessage()).contains("grey or black and white"));
    }

    @Test
    void aPdfOlderThan14IsRefused() {
        assertThatThrownBy(() -> PaperScan.check(scan(300, BufferedImage.TYPE_INT_RGB, 1.3f)))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.error()).isEqualTo(SigningError.COPY_SOURCE_SCAN_INVALID);
                    assertThat(e.getMessage()).contains("version 1.3, older than 1.4");
                    assertThat(e.messageVi()).contains("phiên bản 1.3");
                });
    }

    @Test
    void theServiceRefusesTheGreyScanAndSignsTheColourOneAsACopyFromPaper() {
        SignOptions copy = new SignOptions(null, SignatureLevel.B_B, null, Appearance.COPY, null, null, "SAO Y", null,
                null, null, CopySource.PAPER);
        var service = SigningFixture.service();

        assertThatThrownBy(() -> service.sign(new SignRequest(
                new Document("ban-quet.pdf", scan(150, BufferedImage.TYPE_BYTE_GRAY, 1.7f)), "ubnd-binh-an", copy)))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.error()).isEqualTo(SigningError.COPY_SOURCE_SCAN_INVALID));
        SignedDocument signed = service.sign(new SignRequest(
                new Document("ban-quet.pdf", scan(300, BufferedImage.TYPE_INT_RGB, 1.7f)), "ubnd-binh-an", copy));
        assertThat(PdfInspector.inspect(signed.content()).signatureFields()).hasSize(1);
    }

    /** An A5 page scanned at {@code dpi}: black lines of "text", a red round seal, on off-white paper. */
    static byte[] scan(int dpi, int imageType, float version) {
        PDRectangle a5 = PDRectangle.A5;
        int width = Math.round(a5.getWidth() / 72f * dpi);
        int height = Math.round(a5.getHeight() / 72f * dpi);
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(250, 248, 240));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (int line = 0; line < 20; line++) {
            g.fillRect(width / 10, height / 8 + line * height / 30, width * 7 / 10, Math.max(2, dpi / 50));
        }
        g.setColor(new Color(200, 20, 30));
        g.fillOval(width / 2, height * 3 / 4, width / 4, width / 4);
        g.dispose();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(a5);
            document.addPage(page);
            PDImageXObject xobject = JPEGFactory.createFromImage(document, image, 0.8f);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xobject, 0, 0, a5.getWidth(), a5.getHeight());
            }
            document.save(out);
            byte[] pdf = out.toByteArray();
            // PDFBox never lowers a document's version, so an older header is written over its own (same length).
            byte[] header = String.format(java.util.Locale.ROOT, "%%PDF-%.1f", version)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(header, 0, pdf, 0, header.length);
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
