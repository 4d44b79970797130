package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.alert.StatusAlert;
import eu.europa.esig.dss.alert.exception.AlertException;
import eu.europa.esig.dss.alert.status.MessageStatus;
import eu.europa.esig.dss.spi.exception.IllegalInputException;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningFixture;

/**
 * Each way DSS fails, provoked for real, and the code it is translated to: by type wherever DSS offers
 * one, and one test per entry of {@link DssErrors#MESSAGES} where it does not.
 */
class DssErrorsTest {

    final DemoPki pki = SigningFixture.pki();
    final DssSigningService service = SigningFixture.service();

    // ------------------------------------------------------------------ by type: the alert that fired

    @Test
    void eachStrictAlertRefusesWithItsOwnCode() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        DssToolkit.strictAlerts(verifier);

        assertAlert(verifier.getAlertOnRevokedCertificate(), SigningError.CERTIFICATE_REVOKED);
        assertAlert(verifier.getAlertOnMissingRevocationData(), SigningError.REVOCATION_UNAVAILABLE);
        assertAlert(verifier.getAlertOnInvalidTimestamp(), SigningError.TSA_UNAVAILABLE);
        assertAlert(verifier.getAlertOnNoRevocationAfterBestSignatureTime(), SigningError.REVOCATION_NOT_FRESH);
        assertAlert(verifier.getAlertOnUncoveredPOE(), SigningError.REVOCATION_NOT_FRESH);
    }

    /** DSS's status text, which used to decide the code, now decides nothing: a misleading one changes nothing. */
    private static void assertAlert(StatusAlert alert, SigningError expected) {
        MessageStatus status = new MessageStatus();
        status.setMessage("Broken timestamp(s) detected; revoked; fresh revocation data is missing");
        assertThatThrownBy(() -> alert.alert(status)).isInstanceOfSatisfying(AlertException.class, e -> {
            assertThat(e).isInstanceOf(RefusingAlert.Refusal.class);
            SigningException translated = DssErrors.translate(new IllegalStateException("wrapped", e), "PAdES");
            assertThat(translated.error()).isEqualTo(expected);
            assertThat(translated.getMessage()).doesNotContain("Broken timestamp");
        });
    }

    @Test
    void aRevokedSignerIsRefusedByTheRevokedCertificateAlert() {
        pki.revoke("remote-signer", Instant.now().minusSeconds(3600));
        try (DssSigningService fresh = SigningFixture.newService()) {
            KeySignerTest.DeviceSigner device = new KeySignerTest.DeviceSigner(pki.identity("remote-signer").chain(),
                    pki.softwareKey("remote-signer").getPrivateKey(), false);
            assertThatThrownBy(() -> fresh.signWith(device, SigningServiceTest.LETTER,
                    SignOptions.defaults(SignatureLevel.B_LT))).isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.error()).isEqualTo(SigningError.CERTIFICATE_REVOKED);
                        assertThat(causes(e)).anyMatch(t -> t instanceof RefusingAlert.Refusal);
                    });
        } finally {
            pki.reinstate("remote-signer");
        }
    }

    @Test
    void revocationDataThatCannotBeFetchedIsRefusedByTheMissingRevocationAlert() {
        try (DssSigningService fresh = SigningFixture.newService()) {
            SignedDocument bt = fresh.sign(new vn.kyso.signing.SignRequest(SigningServiceTest.BINARY, "pham-thu-ha",
                    new SignOptions(SignatureFormat.CADES, SignatureLevel.B_T, null, null, null, null, null, null,
                            null)));
            pki.setRespondersAvailable(false);
            try {
                assertThatThrownBy(() -> fresh.augment(new AugmentRequest(new Document("x.p7s", bt.content()),
                        SignatureLevel.B_LT, java.util.List.of(SigningServiceTest.BINARY))))
                        .isInstanceOfSatisfying(SigningException.class, e -> {
                            assertThat(e.error()).isEqualTo(SigningError.REVOCATION_UNAVAILABLE);
                            assertThat(causes(e)).anyMatch(t -> t instanceof RefusingAlert.Refusal);
                        });
            } finally {
                pki.setRespondersAvailable(true);
            }
        }
    }

    // ------------------------------------------------------------------ by type: exceptions DSS throws

    @Test
    void aPdfThatNeedsAPasswordIsEncrypted() {
        SigningException e = augment(encrypted("user"));
        assertThat(e.error()).isEqualTo(SigningError.ENCRYPTED_PDF);
        assertThat(e.getCause()).isInstanceOf(eu.europa.esig.dss.pades.exception.InvalidPasswordException.class);
    }

    @Test
    void xmlTheParserRefusesIsMalformed() {
        SigningException e = augment("<a>".getBytes(StandardCharsets.UTF_8));
        assertThat(e.error()).isEqualTo(SigningError.MALFORMED_DOCUMENT);
        assertThat(causes(e)).anyMatch(t -> t instanceof SAXException);
    }

    @Test
    void cmsTheParserRefusesIsMalformed() {
        SigningException e = augment(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
        assertThat(e.error()).isEqualTo(SigningError.MALFORMED_DOCUMENT);
        assertThat(causes(e)).anyMatch(t -> t instanceof CMSException);
    }

    @Test
    void whatNoTypeNamesStaysAnInternalFailure() {
        // DSSException over PDFBox's IOException: nothing says whether the file or the service is at fault
        byte[] cut = Arrays.copyOf(SigningServiceTest.LETTER.content(), 3000);
        SigningException e = augment(cut);
        assertThat(e.error()).isEqualTo(SigningError.SIGNING_FAILED);
        assertThat(DssErrors.byMessage(e.getCause())).isNull();
    }

    // ------------------------------------------------------------------ the message table, one test per entry

    @Test
    void noSignatureEntryMatchesDssTextForEveryUnsignedKind() {
        DssErrors.MessageRule rule = DssErrors.MESSAGES.get(0);
        assertThat(rule.error()).isEqualTo(SigningError.NOTHING_TO_AUGMENT);
        Function<byte[], SigningException> check = content -> {
            SigningException e = augment(content);
            assertThat(e.error()).isEqualTo(SigningError.NOTHING_TO_AUGMENT);
            // DSS throws the type it throws for malformed input too: only the text tells them apart
            assertThat(e.getCause()).isInstanceOf(IllegalInputException.class);
            assertThat(DssErrors.byMessage(e.getCause())).isEqualTo(rule);
            return e;
        };
        assertThat(check.apply(SigningServiceTest.LETTER.content()).getCause())
                .hasMessage("No signatures found to be extended!");
        assertThat(check.apply("<a/>".getBytes(StandardCharsets.UTF_8)).getCause())
                .hasMessage("No signatures found to be extended!");
        assertThat(check.apply(cmsWithoutSigners()).getCause().getMessage()).containsIgnoringCase("no signatures");
        assertThat(DssErrors.MESSAGES).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    private SigningException augment(byte[] content) {
        try {
            service.augment(new AugmentRequest(new Document("x", content), SignatureLevel.B_LTA));
        } catch (SigningException e) {
            return e;
        }
        throw new AssertionError("augmentation did not fail");
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.add(t);
        }
        return out;
    }

    private static byte[] encrypted(String userPassword) {
        try (var pdf = Loader.loadPDF(SigningServiceTest.LETTER.content()); var out = new ByteArrayOutputStream()) {
            var policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cmsWithoutSigners() {
        try {
            return new CMSSignedDataGenerator().generate(new CMSProcessableByteArray(new byte[] {1, 2, 3}), true)
                    .getEncoded();
        } catch (CMSException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
