package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.validation.internal.TamperingTest.codes;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * The shadow attacks through forms (Mainka et al. 2021): a letter signed with a filled-in text field
 * whose value is replaced after signing, with a new appearance or with only the value (a viewer that
 * regenerates appearances shows the new one).
 */
class FormShadowTest {

    static byte[] signed;

    @BeforeAll
    static void sign() {
        signed = ValidationFixture.sign(PdfTampering.addFormField(ValidationFixture.oneLetter()), "ubnd-binh-an",
                SignatureLevel.B_B);
    }

    @Test
    void theSignedFormIsValid() {
        ValidationReport report = ValidationFixture.validate(signed).report();
        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aFieldValueReplacedWithItsAppearanceIsRed() {
        byte[] replaced = PdfTampering.incremental(signed, doc -> {
            PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("SoTien");
            field.setValue("9.000.000.000 dong");
            field.getCOSObject().setNeedToBeUpdated(true);
            field.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
        });
        ValidationReport report = ValidationFixture.validate(replaced).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(ReportAssembler.MODIFIED_AFTER_SIGNING);
        assertThat(report.signatures().get(0).verdict()).isNotEqualTo(Verdict.VALID);
    }

    @Test
    void aFieldValueReplacedWithoutItsAppearanceIsRed() {
        byte[] replaced = PdfTampering.incremental(signed, doc -> {
            var form = doc.getDocumentCatalog().getAcroForm();
            PDTextField field = (PDTextField) form.getField("SoTien");
            field.getCOSObject().setItem(COSName.V, new COSString("9.000.000.000 dong"));
            form.getCOSObject().setBoolean(COSName.NEED_APPEARANCES, true);
            field.getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        ValidationReport report = ValidationFixture.validate(replaced).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.FIELD_VALUE_CHANGED, PdfChanges.FORM_CHANGED);
        assertThat(report.signatures().get(0).verdict()).isNotEqualTo(Verdict.VALID);
    }
}
