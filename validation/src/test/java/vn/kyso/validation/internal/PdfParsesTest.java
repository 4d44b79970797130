package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.diagnostic.DiagnosticDataFacade;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/**
 * One parse per revision (PdfParses) gives DSS the same findings as DSS opening every file anew: the whole
 * diagnostic data — revisions, byte ranges, modification and visual-difference findings — is compared for
 * honest letters and for letters changed after signing, and the parses are really shared.
 */
class PdfParsesTest {

    private static final Date AT = new Date();
    static byte[] one;
    static byte[] two;

    @BeforeAll
    static void sign() {
        one = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT);
        two = ValidationFixture.sign(ValidationFixture.sign(ValidationFixture.threePageLetter(), "tran-thi-bich-ngoc",
                SignatureLevel.B_T), "ubnd-binh-an", SignatureLevel.B_LT);
    }

    @Test
    void anHonestLetterGetsTheSameDiagnosticDataFromSharedParses() throws Exception {
        for (byte[] pdf : List.of(one, two)) {
            try (PdfParses parses = new PdfParses()) {
                assertThat(diagnostic(pdf, parses)).isEqualTo(diagnostic(pdf, null));
                assertThat(parses.reused()).as("parses handed out again").isPositive();
                assertThat(parses.whole()).as("the final document, only read").isPresent();
            }
        }
    }

    @Test
    void changesAfterSigningAreFoundAlikeFromSharedParses() throws Exception {
        for (byte[] changed : List.of(PdfTampering.appendText(one, "Da sua sau khi ky"),
                PdfTampering.coverWithWhiteBox(two), PdfTampering.appendAnnotation(two),
                PdfAttacks.redefinedObject(one), PdfTampering.addFormField(one))) {
            try (PdfParses parses = new PdfParses()) {
                assertThat(diagnostic(changed, parses)).isEqualTo(diagnostic(changed, null));
                assertThat(parses.reused()).as("parses handed out again").isPositive();
            }
        }
    }

    @Test
    void aLargeFileKeepsFewerParses() {
        assertThat(PdfParses.maxKept(30_000)).isEqualTo(PdfParses.MAX_KEPT);
        assertThat(PdfParses.maxKept(10L * 1024 * 1024)).isEqualTo(6);
        assertThat(PdfParses.maxKept(50L * 1024 * 1024)).isEqualTo(1);
        assertThat(PdfParses.maxKept(0)).isEqualTo(PdfParses.MAX_KEPT);
    }

    @Test
    void theFormCheckReadsDssParseAlike() throws Exception {
        byte[] forged = PdfAttacks.contentsZeroed(two);
        try (PdfParses parses = new PdfParses()) {
            diagnostic(forged, parses);
            assertThat(PdfSignatureFields.check(parses.whole().orElseThrow(), forged))
                    .isEqualTo(PdfSignatureFields.check(forged))
                    .isNotEmpty();
        }
    }

    /** DSS's diagnostic data as XML, from shared parses or (null) from DSS's own opens. */
    private static String diagnostic(byte[] pdf, PdfParses parses) throws Exception {
        PDFDocumentValidator validator = validator(pdf, parses);
        validator.setCertificateVerifier(new CommonCertificateVerifier(true));
        validator.setValidationTime(AT);
        Reports reports = validator.validateDocument();
        return DiagnosticDataFacade.newFacade().marshall(reports.getDiagnosticDataJaxb());
    }

    /** DSS's PDF validator of {@code pdf}, opening files through {@code parses}, or (null) on its own. */
    static PDFDocumentValidator validator(byte[] pdf, PdfParses parses) {
        DSSDocument document = new InMemoryDocument(pdf, "cong-van.pdf");
        PDFDocumentValidator validator = new PDFDocumentValidator(document);
        if (parses == null) {
            PdfBoxDefaultObjectFactory own = new PdfBoxDefaultObjectFactory();
            own.setPdfDifferencesFinder(new FastVisualDifferencesFinder());
            validator.setPdfObjFactory(own);
        } else {
            validator.setPdfObjFactory(parses.objectFactory(document, new FastVisualDifferencesFinder()));
        }
        return validator;
    }
}
