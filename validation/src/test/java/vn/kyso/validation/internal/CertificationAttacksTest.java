package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.validation.internal.TamperingTest.codes;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * "Breaking the Specification: PDF Certification" (Mainka et al. 2021) on letters certified with the
 * demo's trusted software key: annotations and signature fields added after a certification change
 * what is shown, and the report names it whatever the certification permits.
 */
class CertificationAttacksTest {

    static DirectSigner certifier;

    @BeforeAll
    static void signer() {
        certifier = DirectSigner.software(ValidationFixture.pki());
    }

    @Test
    void theCertifiedLetterItselfIsValid() {
        byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(),
                CertificationPermission.MINIMAL_CHANGES_PERMITTED);

        ValidationReport report = ValidationFixture.validate(certified).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anEvilAnnotationAfterACertificationIsReported() {
        for (CertificationPermission p : new CertificationPermission[] {CertificationPermission.MINIMAL_CHANGES_PERMITTED,
                CertificationPermission.CHANGES_PERMITTED}) {
            byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(), p);
            ValidationReport report = ValidationFixture.validate(PdfTampering.appendAnnotation(certified)).report();

            assertThat(report.verdict()).as(p + " " + report).isEqualTo(Verdict.INVALID);
            assertThat(codes(report.findings())).as(p.name()).contains(PdfChanges.ANNOTATIONS_CHANGED);
            assertThat(report.signatures()).extracting(SignatureReport::verdict).containsOnly(Verdict.INVALID);
            if (p == CertificationPermission.MINIMAL_CHANGES_PERMITTED) {
                assertThat(codes(report.findings())).contains(PdfChanges.CERTIFICATION_VIOLATED);
            }
        }
    }

    @Test
    void aSneakySignatureFieldPaintingOverTheLetterIsReported() {
        byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(),
                CertificationPermission.MINIMAL_CHANGES_PERMITTED);

        ValidationReport report = ValidationFixture.validate(sneakySignatureField(certified)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.FORM_CHANGED);
        assertThat(codes(report.findings())).containsAnyOf(PdfChanges.ANNOTATIONS_CHANGED, PdfChanges.CONTENT_CHANGED);
    }

    @Test
    void aSignatureAddedToALetterCertifiedWithNoChangesIsReported() {
        byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(),
                CertificationPermission.NO_CHANGE_PERMITTED);
        byte[] signedAgain = certifier.padesIgnoringCertification(certified);

        ValidationReport report = ValidationFixture.validate(signedAgain).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.CERTIFICATION_VIOLATED);
        assertThat(report.signatures().get(0).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void aSignedSneakySignatureDrawnOverTheCertifiedLetterIsReported() {
        byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(),
                CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        // P=2 permits the signature itself; its appearance is drawn over the letter's text
        byte[] sneaky = certifier.padesVisible(certified, "So tien: 1.000.000.000 dong", 40, 120, 520, 500);

        ValidationReport report = ValidationFixture.validate(sneaky).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(SneakySignatures.SIGNATURE_OVER_CONTENT);
        assertThat(report.signatures().get(0).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.summary().en()).contains("sneaky signature");
    }

    @Test
    void aVisibleSignatureBesideTheCertifiedTextIsNoAttack() {
        byte[] certified = certifier.padesCertified(ValidationFixture.oneLetter(),
                CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        // the bottom margin of the page, where the letter has nothing
        byte[] beside = certifier.padesVisible(certified, "Ky xac nhan", 400, 805, 150, 25);

        ValidationReport report = ValidationFixture.validate(beside).report();

        assertThat(codes(report.findings())).doesNotContain(SneakySignatures.SIGNATURE_OVER_CONTENT);
        // DSS's visible signature also adds /OutputIntents to the catalog, which is reported as a form
        // change (amber) — a separate matter; it is not the red of an attack
        assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.INVALID);
    }

    /**
     * A signature field (no signature in it) whose widget appearance writes a new amount over the page,
     * as the sneaky signature attack does with a field a certification P=2 lets anyone add.
     */
    static byte[] sneakySignatureField(byte[] pdf) {
        return PdfTampering.incremental(pdf, doc -> {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            PDSignatureField field = new PDSignatureField(form);
            field.setPartialName("KyThem");
            var widget = field.getWidgets().get(0);
            PDRectangle rect = new PDRectangle(80, 380, 420, 80);
            widget.setRectangle(rect);
            widget.setPage(doc.getPage(0));
            widget.setAppearance(appearance(doc, rect));
            doc.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            doc.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
    }

    private static PDAppearanceDictionary appearance(PDDocument doc, PDRectangle rect) throws IOException {
        PDFormXObject xobject = new PDFormXObject(doc);
        xobject.setBBox(new PDRectangle(rect.getWidth(), rect.getHeight()));
        xobject.setResources(new org.apache.pdfbox.pdmodel.PDResources());
        try (PDPageContentStream cs = new PDPageContentStream(doc, new PDAppearanceStream(xobject.getCOSObject()))) {
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(0, 0, rect.getWidth(), rect.getHeight());
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
            cs.newLineAtOffset(10, 30);
            cs.showText("So tien: 1.000.000.000 dong");
            cs.endText();
        }
        xobject.getCOSObject().setItem(COSName.SUBTYPE, COSName.FORM);
        PDAppearanceDictionary ap = new PDAppearanceDictionary();
        ap.setNormalAppearance(new PDAppearanceStream(xobject.getCOSObject()));
        return ap;
    }
}
