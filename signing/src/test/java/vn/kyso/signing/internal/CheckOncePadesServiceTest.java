package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DSS's signing-certificate check runs once per signature, and again whenever what it checked changed. */
class CheckOncePadesServiceTest {

    private final SoftwareSigner pki = new SoftwareSigner();
    private final byte[] letter = SampleLetters.textPages(1);

    @Test
    void theSecondPhaseOfOneSignatureIsNotCheckedAgain() throws Exception {
        CheckOncePadesService service = new CheckOncePadesService(new CommonCertificateVerifier());
        PAdESSignatureParameters parameters = parameters(Instant.now());
        DSSDocument document = new InMemoryDocument(letter, "letter.pdf");

        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] signed = DSSUtils.toByteArray(service.signDocument(document, parameters, value(toBeSigned)));

        assertThat(new String(signed, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(service.checksRun()).isEqualTo(1);
        // The next signature on this thread is checked afresh.
        service.getDataToSign(document, parameters(Instant.now()));
        assertThat(service.checksRun()).isEqualTo(2);
    }

    @Test
    void aSigningDateChangedBetweenThePhasesIsCheckedAndRefused() throws Exception {
        CheckOncePadesService service = new CheckOncePadesService(new CommonCertificateVerifier());
        PAdESSignatureParameters parameters = parameters(Instant.now());
        DSSDocument document = new InMemoryDocument(letter, "letter.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);

        // Past the certificate's end (a year from now): the same parameter object, no longer the same check.
        parameters.bLevel().setSigningDate(Date.from(Instant.now().plus(Duration.ofDays(400))));
        assertThatThrownBy(() -> service.signDocument(document, parameters, value(toBeSigned)))
                .hasMessageContaining("expired");
        assertThat(service.checksRun()).isEqualTo(2);
    }

    @Test
    void anotherParameterObjectIsChecked() throws Exception {
        CheckOncePadesService service = new CheckOncePadesService(new CommonCertificateVerifier());
        DSSDocument document = new InMemoryDocument(letter, "letter.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters(Instant.now()));

        PAdESSignatureParameters other = parameters(Instant.now().plus(Duration.ofDays(400)));
        assertThatThrownBy(() -> service.signDocument(document, other, value(toBeSigned)))
                .hasMessageContaining("expired");
    }

    private PAdESSignatureParameters parameters(Instant signingTime) {
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(new CertificateToken(pki.person().certificate()));
        p.setCertificateChain(List.of(new CertificateToken(pki.root)));
        p.bLevel().setSigningDate(Date.from(signingTime));
        return p;
    }

    private SignatureValue value(ToBeSigned toBeSigned) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pki.person().key());
        rsa.update(toBeSigned.getBytes());
        return new SignatureValue(SignatureAlgorithm.RSA_SHA256, rsa.sign());
    }
}
