package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.LETTER;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import eu.europa.esig.dss.enumerations.Indication;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;

/** The verification QR code: scannable, linking to the page, and preserved under both signatures. */
class QrStamperTest {

    final DssSigningService service = SigningFixture.service();

    @Test
    void stampedCodeDecodesToTheVerificationLinkAndSurvivesSigning() throws Exception {
        QrStamped stamped = service.stampQrCode(new QrStampRequest(LETTER, "https://kyso.example.gov.vn/verify",
                null, null));

        assertThat(stamped.originalSha256()).isEqualTo(QrStamper.sha256(LETTER.content()));
        assertThat(stamped.link()).isEqualTo("https://kyso.example.gov.vn/verify?id=" + stamped.documentId()
                + "&h=" + stamped.originalSha256());
        assertThat(stamped.documentId()).matches("VB-[A-Z2-9]{12}");
        assertThat(Arrays.equals(stamped.document().content(), 0, LETTER.content().length, LETTER.content(), 0,
                LETTER.content().length)).as("original bytes are a prefix").isTrue();
        assertThat(decodeFirstPage(stamped.document().content())).isEqualTo(stamped.link());

        SignedDocument person = service.sign(new SignRequest(stamped.document(), "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null)));
        SignedDocument both = service.sign(new SignRequest(new Document("kq.pdf", person.content()), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null)));

        assertThat(DssVerdicts.validate(SigningFixture.pki(), both.content()))
                .extracting(DssVerdicts.Verdict::indication)
                .containsExactly(Indication.TOTAL_PASSED, Indication.TOTAL_PASSED);
        assertThat(Arrays.equals(both.content(), 0, LETTER.content().length, LETTER.content(), 0,
                LETTER.content().length)).as("original bytes still a prefix after signing").isTrue();
        assertThat(decodeFirstPage(both.content())).isEqualTo(stamped.link());
    }

    @Test
    void aLinkToAnIssuerChosenIdCarriesItsTokenInTheCode() throws Exception {
        String token = "q3Zr1bT9mX_c-2Vd";
        QrStamped stamped = service.stampQrCode(new QrStampRequest(LETTER, "https://kyso.example.gov.vn/verify",
                "KQ-2026-000777", null, token));
        assertThat(stamped.link()).isEqualTo("https://kyso.example.gov.vn/verify?id=KQ-2026-000777&h="
                + stamped.originalSha256() + "&t=" + token);
        assertThat(decodeFirstPage(stamped.document().content())).isEqualTo(stamped.link());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new QrStampRequest(
                LETTER, "https://kyso.example.gov.vn/verify", "KQ-1", null, "short&x=1"));
    }

    @Test
    void refusesToStampASignedPdfOrAMissingPage() {
        SignedDocument signed = service.sign(new SignRequest(LETTER, "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_B)));
        assertError(() -> service.stampQrCode(new QrStampRequest(new Document("s.pdf", signed.content()),
                "https://kyso.example.gov.vn/verify", "VB-1", null)), SigningError.APPEARANCE_INVALID);
        assertError(() -> service.stampQrCode(new QrStampRequest(LETTER, "https://kyso.example.gov.vn/verify",
                "VB-1", new vn.kyso.signing.Placement(9, 10, 10, 60, 60))), SigningError.APPEARANCE_INVALID);
        assertError(() -> service.stampQrCode(new QrStampRequest(new Document("x.txt", new byte[] {1, 2, 3}),
                "https://kyso.example.gov.vn/verify", null, null)), SigningError.NOT_A_PDF);
    }

    static String decodeFirstPage(byte[] pdf) throws Exception {
        Path dir = Files.createTempDirectory("qr");
        Path file = dir.resolve("doc.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", file.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor()).isZero();
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new MultiFormatReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER,
                true, com.google.zxing.DecodeHintType.POSSIBLE_FORMATS,
                java.util.List.of(com.google.zxing.BarcodeFormat.QR_CODE))).getText();
    }
}
