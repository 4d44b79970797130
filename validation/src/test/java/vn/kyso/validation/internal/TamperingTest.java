package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/** A signed letter changed after signing is never reported VALID, and the report says what changed. */
class TamperingTest {

    static byte[] basic;
    static byte[] both;

    @BeforeAll
    static void sign() {
        basic = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        byte[] person = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf",
                ValidationFixture.oneLetter()), "tran-thi-bich-ngoc",
                SignOptions.defaults(SignatureLevel.B_T).withAppearance(Appearance.PERSON, null))).content();
        both = ValidationFixture.signer().sign(new SignRequest(new Document("cong-van.pdf", person), "ubnd-binh-an",
                SignOptions.defaults(SignatureLevel.B_LTA).withAppearance(Appearance.ORGANISATION, null))).content();
    }

    @Test
    void aByteFlippedInTheSignedContentIsAHashFailure() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.flipContentByte(basic)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(s.reason().code()).isEqualTo("HASH_FAILURE");
        assertThat(s.reason().vi()).isEqualTo("Nội dung đã bị thay đổi sau khi ký");
        assertThat(report.summary().vi()).isEqualTo("Văn bản KHÔNG hợp lệ — nội dung đã bị thay đổi sau khi ký");
        assertThat(report.summary().en()).isEqualTo("INVALID document — the document was changed after it was signed");
    }

    @Test
    void textAddedInALaterRevisionMakesTheDocumentNotValid() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.appendText(both, "DA THANH TOAN")).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).startsWith(ReportAssembler.MODIFIED_AFTER_SIGNING)
                .contains(PdfChanges.CONTENT_CHANGED);
        assertThat(report.findings().get(0).vi()).isEqualTo("Nội dung đã bị thay đổi sau chữ ký cuối cùng");
        for (SignatureReport s : report.signatures()) {
            assertThat(codes(s.changesAfterSigning())).contains(PdfChanges.CONTENT_CHANGED, PdfChanges.OBJECTS_CHANGED);
            // no green tick on a signature whose page changed after it
            assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(s.reason().code()).isEqualTo(ReportAssembler.MODIFIED_AFTER_SIGNING);
            assertThat(s.reason().vi()).startsWith("Chữ ký đúng với phiên bản đã ký, nhưng văn bản đã bị thay đổi");
        }
        assertThat(report.summary().vi()).isEqualTo("Văn bản KHÔNG hợp lệ — nội dung đã bị thay đổi sau chữ ký cuối cùng");
    }

    @Test
    void theShadowReplaceAttackIsReported() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.replaceContent(basic)).report();

        assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(codes(report.signatures().get(0).changesAfterSigning()))
                .containsAnyOf(PdfChanges.CONTENT_CHANGED, PdfChanges.OBJECTS_CHANGED);
        assertThat(codes(report.findings())).contains(ReportAssembler.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void theShadowHideAttackIsReported() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.coverWithWhiteBox(basic)).report();

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.CONTENT_CHANGED);
    }

    @Test
    void aFormFieldFilledInAfterSigningIsReported() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.addFormField(basic)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.signatures().get(0).changesAfterSigning()))
                .contains(PdfChanges.FORM_CHANGED, PdfChanges.ANNOTATIONS_CHANGED);
    }

    @Test
    void anAnnotationAddedAfterSigningIsReported() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.appendAnnotation(basic)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.ANNOTATIONS_CHANGED);
        Explanation change = report.signatures().get(0).changesAfterSigning().stream()
                .filter(c -> c.code().equals(PdfChanges.ANNOTATIONS_CHANGED)).findFirst().orElseThrow();
        assertThat(change.vi()).contains("Chú thích").contains("không được phép");
        assertThat(report.signatures().get(0).coverage().code()).isEqualTo(Coverage.REVISION);
    }

    @Test
    void aPageAppendedAfterSigningIsInvalid() {
        ValidationReport report = ValidationFixture.validate(PdfTampering.appendPage(both)).report();

        assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
        assertThat(codes(report.findings())).contains(PdfChanges.PAGES_CHANGED);
        SignatureReport last = report.signatures().get(report.signatures().size() - 1);
        assertThat(last.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(last.reason().vi()).startsWith("Văn bản đã bị sửa đổi sau khi ký: Số trang đã thay đổi");
    }

    @Test
    void changesBetweenThePersonAndTheOrganisationSignatureAreReportedToo() {
        byte[] person = ValidationFixture.sign(ValidationFixture.oneLetter(), "tran-thi-bich-ngoc", SignatureLevel.B_B);
        byte[] edited = PdfTampering.appendText(person, "SUA SAU KHI KY");
        byte[] sealed = ValidationFixture.sign(edited, "ubnd-binh-an", SignatureLevel.B_B);

        ValidationReport report = ValidationFixture.validate(sealed).report();

        // the person's signature no longer vouches for the page it signed; the organisation's does
        assertThat(report.signatures()).extracting(SignatureReport::verdict)
                .containsExactly(Verdict.INVALID, Verdict.VALID);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.findings().get(0).vi()).contains("sau chữ ký của Trần Thị Bích Ngọc");
        assertThat(codes(report.signatures().get(1).changesAfterSigning())).isEmpty();
    }

    static java.util.List<String> codes(java.util.List<Explanation> explanations) {
        return explanations.stream().map(Explanation::code).toList();
    }
}
