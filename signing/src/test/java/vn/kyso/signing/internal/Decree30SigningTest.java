package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.internal.PdfFacts.SignatureField;

/**
 * The Decree 30 sequence on one letter: the authorised person signs, then the organisation seals
 * over the person's signature, each as an incremental update; both signatures must stay valid.
 */
class Decree30SigningTest {

    private static SoftwareSigner signer;
    private static Decree30Layout layout;
    private static byte[] personSigned;
    private static byte[] bothSigned;

    @BeforeAll
    static void signPersonThenOrganisation() {
        signer = new SoftwareSigner();
        layout = new Decree30Layout(SampleLetters.SERIF);
        // In the past, so that the CRL the validator gets (issued at validation time) is fresh for both.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        byte[] letter = SampleLetters.oneLetter();

        AppearanceContent person = new AppearanceContent(Appearance.PERSON, null, TestImages.signature(),
                "Nguyễn Văn An", SampleLetters.ISSUER, now, null, null);
        personSigned = signer.sign(letter, signer.person(), layout.create(PdfInspector.inspect(letter), person), now);

        AppearanceContent organisation = new AppearanceContent(Appearance.ORGANISATION, null, TestImages.seal(),
                null, SampleLetters.ISSUER, now.plusSeconds(60), null, null);
        bothSigned = signer.sign(personSigned, signer.organisation(),
                layout.create(PdfInspector.inspect(personSigned), organisation), now.plusSeconds(60));
    }

    @Test
    void bothSignaturesAreListedInSigningOrderAndTheSealOverlapsTheLeftThird() {
        List<SignatureField> fields = PdfInspector.inspect(bothSigned).signatureFields();

        assertThat(fields).hasSize(2).allMatch(SignatureField::signed);
        Rect person = fields.get(0).rect();
        Rect seal = fields.get(1).rect();
        assertThat(fields.get(0).page()).isEqualTo(1);
        assertThat(seal.right()).as("seal field ends a third into the person's signature")
                .isCloseTo(person.x() + person.width() / 3, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(seal.centerY()).isCloseTo(person.centerY(), org.assertj.core.data.Offset.offset(0.5f));
    }

    /**
     * DSS with its default validation policy, offline: the test root is the only trust anchor and an
     * empty CRL from that root is the only revocation data. Both signatures must reach TOTAL_PASSED.
     * The diagnostic data is checked too, because an indication alone would hide the facts it rests
     * on: for each signature the digest matches the signed byte range and the signature value verifies
     * (intact, valid), and the revision added after it changes nothing DSS classes as undefined
     * (content, pages or objects altered) and nothing visible outside the new signature's widget.
     */
    @Test
    void dssValidatesBothSignaturesAndFindsTheSecondRevisionHarmless() {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(signer.root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(signer.crlSource());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(bothSigned));
        validator.setCertificateVerifier(verifier);

        Reports reports = validator.validateDocument();

        SimpleReport simple = reports.getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getIndication(id)).as(id + ": " + simple.getAdESValidationErrors(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
        DiagnosticData diagnostic = reports.getDiagnosticData();
        for (SignatureWrapper signature : diagnostic.getSignatures()) {
            assertThat(diagnostic.isBLevelTechnicallyValid(signature.getId())).isTrue();
            assertThat(signature.isSignatureIntact()).isTrue();
            assertThat(signature.isSignatureValid()).isTrue();
            PDFRevisionWrapper revision = signature.getPDFRevision();
            assertThat(revision.isSignatureByteRangeValid()).isTrue();
            assertThat(revision.getPdfUndefinedChanges()).isEmpty();
            assertThat(revision.getPdfVisualDifferenceConcernedPages()).isEmpty();
            assertThat(revision.getPdfPageDifferenceConcernedPages()).isEmpty();
        }
    }

    @Test
    void popplerReportsBothSignaturesValid() throws Exception {
        // A missing tool fails the test rather than skipping it: CI installs poppler-utils (scripts/deps.sh).
        assertThat(Files.isExecutable(Renderer.PDFSIG)).as("poppler-utils (pdfsig) is installed").isTrue();

        String report = Renderer.pdfsig(bothSigned, "person-and-organisation");

        Matcher valid = Pattern.compile("Signature Validation: Signature is Valid\\.").matcher(report);
        int count = 0;
        while (valid.find()) {
            count++;
        }
        assertThat(count).as(report).isEqualTo(2);
        assertThat(report).contains("Signature #1", "Signature #2").doesNotContain("Signature #3");
    }
}
