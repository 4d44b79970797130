package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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
     * What is asserted and why: the test PKI has no OCSP responder or CRL, and the DSS default
     * validation policy (module dss-policy-jaxb) is not on this module's classpath, so no Indication
     * (TOTAL_PASSED / INDETERMINATE) is computed here. The diagnostic data, which DSS builds without a
     * policy, carries the cryptographic facts the indication would rest on: for each signature the
     * message digest matches the signed byte range and the signature value verifies with the signing
     * certificate (B-level technically valid, intact, valid), the chain reaches our trusted root, and
     * the later revision adds only a signature and its field — no change DSS classes as undefined
     * (content, pages or other objects altered after the first signature).
     */
    @Test
    void dssFindsBothSignaturesIntactAndTheSecondRevisionHarmless() {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(signer.root));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(bothSigned));
        validator.setCertificateVerifier(verifier);

        DiagnosticData diagnostic = new DiagnosticData(validator.getDiagnosticData());

        List<SignatureWrapper> signatures = diagnostic.getSignatures();
        assertThat(signatures).hasSize(2);
        for (SignatureWrapper signature : signatures) {
            assertThat(diagnostic.isBLevelTechnicallyValid(signature.getId())).isTrue();
            assertThat(signature.isSignatureIntact()).isTrue();
            assertThat(signature.isSignatureValid()).isTrue();
            assertThat(signature.isTrustedChain()).isTrue();
            PDFRevisionWrapper revision = signature.getPDFRevision();
            assertThat(revision.isSignatureByteRangeValid()).isTrue();
            assertThat(revision.getPdfUndefinedChanges()).isEmpty();
            assertThat(revision.getPdfVisualDifferenceConcernedPages()).isEmpty();
            assertThat(revision.getPdfPageDifferenceConcernedPages()).isEmpty();
        }
    }

    @Test
    void popplerReportsBothSignaturesValid() throws Exception {
        assumeTrue(Files.isExecutable(Renderer.PDFSIG), "poppler-utils (pdfsig) is not installed");

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
