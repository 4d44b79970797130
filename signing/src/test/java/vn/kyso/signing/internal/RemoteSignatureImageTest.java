package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.signing.internal.SigningServiceTest.assertError;

import eu.europa.esig.dss.enumerations.Indication;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningFixture;

/**
 * A person signs a letter from their own token (two-step remote signing) with their own signature image,
 * in the Decree 30 PERSON layout: poppler's picture shows the blue ink where the layout puts the
 * handwritten signature (between the position title and the name), nowhere else, and the signature
 * validates. The PNGs stay in target/test-artifacts for a human to look at.
 */
class RemoteSignatureImageTest {

    static final String PERSON = "dang-thi-tu-xa";

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    @Test
    void theTwoStepFlowDrawsTheSignersImageBetweenTitleAndNameAndValidates() throws Exception {
        assertThat(Files.isExecutable(Renderer.PDFTOPPM)).as("poppler-utils (pdftoppm) is installed").isTrue();
        byte[] letter = SampleLetters.oneLetter();
        byte[] image = TestImages.signature();

        PreparedSignature prepared = service.prepare(new PrepareRequest(new Document("cong-van.pdf", letter),
                chain(), person(), PERSON, image));
        byte[] value = deviceSigns(prepared);
        SignedDocument signed = service.complete(new CompleteRequest(prepared.id(), value, PERSON));

        BufferedImage page = Renderer.firstPage(signed.content(), "remote-person-image");
        BufferedImage unsigned = Renderer.firstPage(letter, "remote-person-unsigned");
        Rect where = plannedImageArea(letter, image, prepared);
        assertThat(Renderer.count(page, where, Renderer::blue)).as("the signer's ink in place").isGreaterThan(300);
        assertThat(Renderer.count(unsigned, where, Renderer::blue)).isZero();
        assertThat(Renderer.count(page, new Rect(0, 0, 595, 842), Renderer::blue))
                .as("no ink anywhere else").isEqualTo(Renderer.count(page, where, Renderer::blue));
        // Between the title and the name: the image sits in the right half, in the lower part of the page.
        assertThat(where.x()).isGreaterThan(297);
        assertThat(DssVerdicts.validate(pki, signed.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void signWithCarriesTheImageWhichThePersonLayoutCannotDoWithout() throws Exception {
        byte[] letter = SampleLetters.oneLetter();
        KeySignerTest.DeviceSigner device = new KeySignerTest.DeviceSigner(pki.identity("remote-signer").chain(),
                pki.softwareKey("remote-signer").getPrivateKey(), false);

        // Before issue #14 a remote signer had no image to give, so the PERSON layout was out of reach.
        assertError(() -> service.signWith(device, new Document("a.pdf", letter), person()),
                SigningError.APPEARANCE_INVALID);
        assertThat(device.calls).as("refused before the device was asked").hasValue(0);
        SignedDocument inked = service.signWith(device, new Document("b.pdf", letter), person(),
                TestImages.signature());

        assertThat(device.calls).hasValue(1);
        assertThat(Renderer.count(Renderer.firstPage(inked.content(), "remote-person-sign-with"),
                new Rect(0, 0, 595, 842), Renderer::blue)).isGreaterThan(300);
        assertThat(DssVerdicts.validate(pki, inked.content()))
                .extracting(DssVerdicts.Verdict::indication).containsExactly(Indication.TOTAL_PASSED);
    }

    @Test
    void anImageIsRefusedWhenItIsNotBlueInkOrTheLayoutIsNotThePersons() {
        Document letter = new Document("c.pdf", SampleLetters.oneLetter());
        assertError(() -> service.prepare(new PrepareRequest(letter, chain(), person(), PERSON, TestImages.opaque())),
                SigningError.APPEARANCE_INVALID);
        assertError(() -> new PrepareRequest(letter, chain(), SignOptions.defaults(SignatureLevel.B_B), PERSON,
                TestImages.signature()), SigningError.APPEARANCE_INVALID);
    }

    private static SignOptions person() {
        return new SignOptions(SignatureFormat.PADES, SignatureLevel.B_B, null, Appearance.PERSON, null, null, null,
                null, null);
    }

    private List<byte[]> chain() {
        List<byte[]> der = new ArrayList<>();
        for (X509Certificate c : pki.identity("remote-signer").chain()) {
            try {
                der.add(c.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return der;
    }

    /** What the person's USB token does: signs the data to sign with the key that never leaves it. */
    private byte[] deviceSigns(PreparedSignature prepared) throws Exception {
        Signature s = Signature.getInstance(prepared.signatureAlgorithm());
        s.initSign(pki.softwareKey("remote-signer").getPrivateKey());
        s.update(prepared.dataToSign());
        return s.sign();
    }

    /** Where the layout puts the person's image on this letter, as it planned it for the signature. */
    private static Rect plannedImageArea(byte[] letter, byte[] image, PreparedSignature prepared) {
        AppearanceContent content = new AppearanceContent(Appearance.PERSON, null, image, "Đặng Thị Từ Xa",
                SampleLetters.ISSUER, prepared.signingTime().truncatedTo(ChronoUnit.SECONDS), null, null);
        return new Decree30Layout(SampleLetters.SERIF).plan(PdfInspector.inspect(letter), content).imageArea();
    }
}
