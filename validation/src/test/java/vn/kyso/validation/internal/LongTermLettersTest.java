package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.AugmentRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.internal.SampleLetters;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Issue #10 item 1: a letter of any length signed the Decree 30 way (the person at B-T with her
 * signature image on the last page, then the organisation at B-LTA with its seal) and later
 * re-time-stamped by the archive is VALID with no change finding, in this service and in plain DSS
 * with its default policy. The document time-stamps are invisible; where their widgets go decides
 * whether a page's annotations change after the signatures.
 */
class LongTermLettersTest {

    /** DSS's message key for "Elements overlap on page(s) {0}". */
    private static final String SEAL_OVER_SIGNATURE = "BBB_FC_IAOD_ANS";

    /** The three-page letter samples/sign-letters.sh signs. */
    private static final String SAMPLE = "samples/letters/cong-van-ba-trang.pdf";

    /** Generated letters of 1, 2, 3 and 50 pages (the signature block on the last), and the sample letter. */
    static List<Arguments> letters() {
        return List.of(Arguments.of("1 page", 1), Arguments.of("2 pages", 2), Arguments.of("3 pages", 3),
                Arguments.of("50 pages", 50), Arguments.of(SAMPLE, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("letters")
    void personThenOrganisationAtLtaThenArchiveRenewalStaysValid(String letter, int pages) {
        byte[] signed = signedLetter(letter, pages);
        byte[] renewed = ValidationFixture.signer().augment(new AugmentRequest(
                new Document("cong-van.pdf", signed), SignatureLevel.B_LTA)).content();
        ValidationFixture.artifact("long-term-letter-" + letter.replaceAll("[^a-z0-9]+", "-") + ".pdf", renewed);

        for (byte[] pdf : List.of(signed, renewed)) {
            ValidationReport report = ValidationFixture.validate(pdf).report();
            assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
            assertThat(report.findings()).as(report.toString()).isEmpty();
            assertThat(report.signatures()).extracting(SignatureReport::verdict).containsOnly(Verdict.VALID);
            assertThat(report.signatures()).extracting(SignatureReport::signerName)
                    .containsExactly("Trần Thị Bích Ngọc", "Ủy ban nhân dân tỉnh Bình An");
            for (SignatureReport s : report.signatures()) {
                assertThat(s.changesAfterSigning()).as(s.signerName() + ": " + s.changesAfterSigning())
                        .allMatch(PdfChanges::permitted);
            }
            assertThat(report.signatures().get(1).format()).isEqualTo("PAdES-BASELINE-LTA");

            plainDssPasses(ValidationFixture.pki(), pdf, pages);
        }
    }

    /** The signature and its seal on the last page. */
    static byte[] signedLetter(String letter, int pages) {
        byte[] unsigned = SAMPLE.equals(letter) ? ValidationFixture.threePageLetter() : SampleLetters.pages(pages);
        byte[] person = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf", unsigned),
                "tran-thi-bich-ngoc", SignOptions.defaults(SignatureLevel.B_T)
                        .withAppearance(Appearance.PERSON, null))).content();
        return ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf", person),
                "ubnd-binh-an", SignOptions.defaults(SignatureLevel.B_LTA)
                        .withAppearance(Appearance.ORGANISATION, null))).content();
    }

    /**
     * Plain DSS, as its cookbook shows it: the default validation policy, the demo roots as the only
     * trust anchors, revocation fetched online. Every signature and time-stamp passes, and DSS's own
     * modification detection finds nothing after each one but later signatures and long-term data.
     *
     * <p>One warning is expected and allowed: "elements overlap" on the signature page, because Decree
     * 30/2020 (Appendix I) puts the organisation's seal over a third of the person's signature; the
     * two widgets overlap by design, and nothing was added after signing to cause it.
     */
    static void plainDssPasses(DemoPki pki, byte[] pdf, int signaturePage) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();

        assertThat(simple.getSignatureIdList()).hasSize(2);
        List<String> problems = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            if (simple.getIndication(id) != Indication.TOTAL_PASSED) {
                problems.add(id + ": " + simple.getIndication(id) + "/" + simple.getSubIndication(id) + " "
                        + simple.getAdESValidationErrors(id));
            }
            simple.getAdESValidationWarnings(id).stream()
                    .filter(m -> !(SEAL_OVER_SIGNATURE.equals(m.getKey())
                            && m.getValue().endsWith("[" + signaturePage + "]")))
                    .forEach(m -> problems.add(id + ": " + m.getKey() + " " + m.getValue()));
            problems.addAll(forbiddenChanges(id, diagnostic.getSignatureById(id).getPDFRevision(), signaturePage));
        }
        List<TimestampWrapper> timestamps = diagnostic.getTimestampList();
        assertThat(timestamps).isNotEmpty();
        for (TimestampWrapper t : timestamps) {
            Indication i = simple.getIndication(t.getId());
            if (i != Indication.PASSED) {
                problems.add(t.getType() + " " + t.getId() + ": " + i + "/" + simple.getSubIndication(t.getId()));
            }
            problems.addAll(forbiddenChanges(t.getId(), t.getPDFRevision(), signaturePage));
        }
        assertThat(problems).isEmpty();
    }

    /**
     * What DSS files as neither a later signature's field nor long-term data: annotation and undefined
     * changes, page and visual differences, annotation overlaps other than the seal's, and any "signature
     * or form fill" change that names no field (such as a page gaining an {@code /Annots} array).
     */
    private static List<String> forbiddenChanges(String id, PDFRevisionWrapper revision, int signaturePage) {
        List<String> out = new ArrayList<>();
        if (revision == null) {
            return out;
        }
        revision.getPdfAnnotationChanges().forEach(m -> out.add(id + ": annotation " + m.getValue()));
        revision.getPdfUndefinedChanges().forEach(m -> out.add(id + ": undefined " + m.getValue()));
        if (!revision.getPdfPageDifferenceConcernedPages().isEmpty()
                || !revision.getPdfVisualDifferenceConcernedPages().isEmpty()) {
            out.add(id + ": pages " + revision.getPdfPageDifferenceConcernedPages() + ", visual "
                    + revision.getPdfVisualDifferenceConcernedPages());
        }
        if (revision.getPdfAnnotationsOverlapConcernedPages().stream().anyMatch(p -> p.intValue() != signaturePage)) {
            out.add(id + ": overlap on " + revision.getPdfAnnotationsOverlapConcernedPages());
        }
        revision.getPdfSignatureOrFormFillChanges().stream().filter(m -> m.getFieldName() == null)
                .forEach(m -> out.add(id + ": unnamed form change " + m.getAction() + " " + m.getValue()));
        return out;
    }
}
