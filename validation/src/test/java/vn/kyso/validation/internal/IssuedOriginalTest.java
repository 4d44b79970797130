package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;

/** The QR link's hash names the issued original; signed versions begin with its exact bytes. */
class IssuedOriginalTest {

    @Test
    void aSignedVersionContainsTheOriginalAndOtherFilesDoNot() throws Exception {
        byte[] letter = Files.readAllBytes(ValidationFixture.LETTERS.resolve("cong-van-mot-trang.pdf"));
        QrStamped stamped = ValidationFixture.signer().stampQrCode(new QrStampRequest(new Document("kq.pdf", letter),
                "https://kyso.example.gov.vn/verify", "KQ-1", null));
        byte[] signed = ValidationFixture.signer().sign(new SignRequest(stamped.document(), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LT).withAppearance(Appearance.NONE, null))).content();
        var service = ValidationFixture.service();
        String h = stamped.originalSha256();

        assertThat(service.containsOriginal(new SignedFile("kq.pdf", signed), h)).isTrue();
        assertThat(service.containsOriginal(new SignedFile("kq.pdf", letter), h)).isTrue();
        assertThat(service.containsOriginal(new SignedFile("kq.pdf", stamped.document().content()), h)).isTrue();

        byte[] other = Files.readAllBytes(ValidationFixture.LETTERS.resolve("cong-van-ba-trang.pdf"));
        assertThat(service.containsOriginal(new SignedFile("x.pdf", other), h)).isFalse();
        byte[] changed = letter.clone();
        changed[100] ^= 1;
        assertThat(service.containsOriginal(new SignedFile("x.pdf", changed), h)).isFalse();
        assertThat(service.containsOriginal(new SignedFile("kq.pdf", signed), "not-a-hash")).isFalse();
        assertThat(service.containsOriginal(new SignedFile("kq.pdf", signed), HexFormat.of().formatHex(new byte[32])))
                .isFalse();
    }
}
