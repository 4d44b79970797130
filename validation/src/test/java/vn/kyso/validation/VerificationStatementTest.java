package vn.kyso.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport.CertificateInfo;
import vn.kyso.validation.SignatureReport.RevocationInfo;
import vn.kyso.validation.SignatureReport.TimestampInfo;
import vn.kyso.validation.VerificationStatement.Line;

/** Each line Circular 15/2025/TT-BKHCN asks for, on real validations and on the cases they rarely produce. */
class VerificationStatementTest {

    static final CertificateInfo CERT = new CertificateInfo("CN=Nguyễn Văn An", "CN=CA phục vụ các cơ quan Nhà nước"
            + " G2,O=Ban Cơ yếu Chính phủ,C=VN", "0A1B", Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"));

    static SignatureReport report(Verdict verdict, String reason, String revocation, List<TimestampInfo> stamps,
            CertificateInfo cert, KeyFamily family) {
        return new SignatureReport("S-1", verdict, new Explanation(reason, "vi", "en"), "Nguyễn Văn An", "UBND",
                family, cert, new RevocationInfo(revocation, "OCSP", null, null),
                Instant.parse("2026-11-20T03:00:00Z"), stamps, "PAdES-BASELINE-T",
                new Explanation("WHOLE", "toàn bộ", "whole"), List.of());
    }

    static Line line(List<Line> lines, String code) {
        return lines.stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aValidTimeStampedSignatureStatesEveryFactWithoutWarning() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_T);
        SignatureReport s = ValidationFixture.validate(signed).report().signatures().get(0);
        List<Line> lines = s.getVerificationStatement();
        assertThat(lines).extracting(Line::code).containsExactly("VALIDITY", "INTEGRITY", "ISSUER", "MANAGING_UNIT",
                "SIGNER", "SIGNING_TIME", "VALID_AT_SIGNING_TIME", "CERTIFICATE_PERIOD");
        assertThat(lines).noneMatch(Line::warning);
        assertThat(line(lines, "VALIDITY").vi()).isEqualTo("Chữ ký số HỢP LỆ");
        assertThat(line(lines, "INTEGRITY").vi()).startsWith("Tính toàn vẹn của dữ liệu được ký: toàn vẹn");
        assertThat(line(lines, "ISSUER").vi()).isEqualTo("Tổ chức cấp chứng thư số: "
                + VerificationStatement.attribute(s.certificate().issuer(), "CN"));
        assertThat(line(lines, "SIGNER").vi()).startsWith("Người ký: Ủy ban nhân dân tỉnh Bình An");
        assertThat(line(lines, "SIGNING_TIME").vi()).startsWith("Thời điểm ký theo dấu thời gian: ")
                .contains("+07:00");
        assertThat(line(lines, "VALID_AT_SIGNING_TIME").vi()).contains("còn hiệu lực");
        assertThat(line(lines, "CERTIFICATE_PERIOD").vi()).startsWith("Thời hạn hiệu lực của chứng thư số: từ ")
                .contains(" đến ");
    }

    @Test
    void changedDataIsNotIntact() {
        List<Line> lines = VerificationStatement.of(report(Verdict.INVALID, "HASH_FAILURE", "GOOD", List.of(), CERT,
                KeyFamily.SPECIALISED));
        assertThat(line(lines, "VALIDITY").vi()).isEqualTo("Chữ ký số KHÔNG HỢP LỆ");
        assertThat(line(lines, "INTEGRITY").vi()).contains("KHÔNG toàn vẹn");
        assertThat(line(lines, "INTEGRITY").en()).contains("NOT intact");
    }

    @Test
    void revocationNotCheckedIsAWarning() {
        for (String status : new String[] {"NOT_CHECKED", "UNKNOWN"}) {
            List<Line> lines = VerificationStatement.of(report(Verdict.INDETERMINATE, "TRY_LATER", status, List.of(),
                    CERT, KeyFamily.SPECIALISED));
            assertThat(line(lines, "REVOCATION_WARNING").warning()).isTrue();
            assertThat(line(lines, "REVOCATION_WARNING").vi()).startsWith("CẢNH BÁO: không kiểm tra được trạng thái"
                    + " thu hồi");
            assertThat(line(lines, "VALIDITY").vi()).startsWith("Chưa đủ cơ sở kết luận");
            assertThat(line(lines, "VALID_AT_SIGNING_TIME").vi()).endsWith("chưa xác định được");
        }
        assertThat(VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(), CERT,
                KeyFamily.SPECIALISED))).extracting(Line::code).doesNotContain("REVOCATION_WARNING");
    }

    @Test
    void anExpiredCertificateWasNotValidAtSigningTime() {
        List<Line> lines = VerificationStatement.of(report(Verdict.INVALID, "EXPIRED", "GOOD", List.of(), CERT,
                KeyFamily.PUBLIC));
        assertThat(line(lines, "VALID_AT_SIGNING_TIME").vi()).contains("KHÔNG còn hiệu lực");
    }

    @Test
    void signingTimeIsTheTimeStampsOrElseTheClaimedOne() {
        TimestampInfo stamp = new TimestampInfo("SIGNATURE_TIMESTAMP", Instant.parse("2026-11-20T03:00:05Z"),
                "TSA Bình An", true, null);
        assertThat(line(VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(stamp), CERT,
                KeyFamily.SPECIALISED)), "SIGNING_TIME").vi())
                .isEqualTo("Thời điểm ký theo dấu thời gian: 2026-11-20T10:00:05+07:00 (đơn vị cấp dấu thời gian: TSA"
                        + " Bình An)");
        assertThat(line(VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(), CERT,
                KeyFamily.SPECIALISED)), "SIGNING_TIME").vi())
                .isEqualTo("Thời điểm ký (do người ký khai, không có dấu thời gian): 2026-11-20T10:00:00+07:00");
    }

    @Test
    void issuerAndManagingUnitComeFromTheIssuerNameOrTheFamily() {
        List<Line> lines = VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(), CERT,
                KeyFamily.SPECIALISED));
        assertThat(line(lines, "ISSUER").vi()).isEqualTo("Tổ chức cấp chứng thư số: CA phục vụ các cơ quan Nhà nước G2");
        assertThat(line(lines, "MANAGING_UNIT").vi()).isEqualTo("Đơn vị quản lý chứng thư số: Ban Cơ yếu Chính phủ");
        CertificateInfo noOrganisation = new CertificateInfo("CN=A", "CN=Some CA,C=VN", "01", CERT.notBefore(),
                CERT.notAfter());
        assertThat(line(VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(), noOrganisation,
                KeyFamily.PUBLIC)), "MANAGING_UNIT").vi()).contains("Trung tâm Chứng thực điện tử quốc gia");
        assertThat(line(VerificationStatement.of(report(Verdict.VALID, "VALID", "GOOD", List.of(), noOrganisation,
                KeyFamily.SPECIALISED)), "MANAGING_UNIT").vi()).contains("chuyên dùng công vụ");
    }

    @Test
    void theLegalBasesAreTheCurrentOnes() {
        assertThat(VerificationStatement.LEGAL_BASIS.vi()).contains("20/2023/QH15", "23/2025/NĐ-CP",
                "68/2024/NĐ-CP", "chữ ký số chuyên dùng công vụ").doesNotContain("130/2018", "Chính phủ");
    }
}
