package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kyso.validation.internal.TamperingTest.codes;

import java.nio.file.Files;
import java.time.LocalDate;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Issuing a letter (issue #12): the person signs a draft whose number and date fields are empty and locks
 * every other field (FieldMDP, Action Exclude); the clerk fills those two in and the organisation signs.
 * The letter is VALID with no finding; a change to a locked field or to the content stays red.
 */
class IssuingFillInTest {

    static byte[] personSigned;
    static byte[] issued;

    @BeforeAll
    static void issue() throws Exception {
        byte[] draft = PdfTampering.addFormField(
                Files.readAllBytes(ValidationFixture.LETTERS.resolve("cong-van-du-thao.pdf")));
        byte[] prepared = ValidationFixture.signer().prepareFillIn(new Document("du-thao.pdf", draft)).content();
        personSigned = sign(prepared, "tran-thi-bich-ngoc", Appearance.PERSON, null);
        byte[] filled = ValidationFixture.signer().fillIn(new FillInRequest(new Document("du-thao.pdf", personSigned),
                "12/TTr-UBND", LocalDate.of(2026, 12, 5))).document().content();
        issued = sign(filled, "ubnd-binh-an", Appearance.ORGANISATION, "12/TTr-UBND");
        ValidationFixture.artifact("issued-with-number.pdf", issued);
    }

    static byte[] sign(byte[] pdf, String key, Appearance appearance, String number) {
        return ValidationFixture.signer().sign(new SignRequest(new Document("du-thao.pdf", pdf), key,
                new SignOptions(SignatureFormat.PADES, SignatureLevel.B_B, null, appearance, null, number, null, null,
                        null, null))).content();
    }

    @Test
    void theNumberAndDateFilledInAfterThePersonSignedAreNoFinding() {
        ValidationReport report = ValidationFixture.validate(issued).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
        assertThat(report.findings()).as(report.toString()).isEmpty();
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.VALID));
        SignatureReport person = report.signatures().get(0);
        assertThat(codes(person.changesAfterSigning())).contains(PdfChanges.FIELDS_FILLED_IN, PdfChanges.LATER_SIGNATURE)
                .doesNotContain(PdfChanges.FIELD_VALUE_CHANGED, PdfChanges.FORM_CHANGED);
        assertThat(person.changesAfterSigning().stream().filter(c -> c.code().equals(PdfChanges.FIELDS_FILLED_IN))
                .findFirst().orElseThrow().en()).contains("kysoNumberSymbol").contains("kysoDocumentDate");
    }

    @Test
    void aLockedFieldChangedAfterThePersonSignedIsRed() {
        byte[] replaced = PdfTampering.incremental(personSigned, doc -> {
            PDTextField field = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField("SoTien");
            field.setValue("9.000.000.000 dong");
            field.getCOSObject().setNeedToBeUpdated(true);
            field.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
        });
        ValidationReport report = ValidationFixture.validate(replaced).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.signatures().get(0).changesAfterSigning())).contains(PdfChanges.FIELD_VALUE_CHANGED)
                .doesNotContain(PdfChanges.FIELDS_FILLED_IN);
    }

    @Test
    void contentChangedBesideTheFillInIsRed() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.coverWithWhiteBox(issued)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    }
}
