package vn.kyso.validation.internal;

import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Language;
import vn.kyso.validation.Verdict;

/** The fixed words of the PDF report in Vietnamese and English. */
record ReportLabels(
        String title,
        String document,
        String sha256,
        String verdict,
        String signature,
        String of,
        String reason,
        String signer,
        String organisation,
        String family,
        String subject,
        String issuer,
        String serial,
        String validity,
        String revocation,
        String checkedAt,
        String revokedAt,
        String signingTime,
        String timestamps,
        String format,
        String coverage,
        String changes,
        String none,
        String findings,
        String validatedAt,
        String policy,
        String policyDescription,
        String page,
        String footer,
        String valid,
        String invalid) {

    static final ReportLabels VI = new ReportLabels(
            "Báo cáo kiểm tra chữ ký số",
            "Văn bản", "Mã băm SHA-256", "Kết luận", "Chữ ký", "trên", "Lý do", "Người ký", "Cơ quan, tổ chức",
            "Loại chữ ký số", "Chủ thể chứng thư số", "Tổ chức cấp chứng thư số", "Số hiệu chứng thư số",
            "Thời hạn hiệu lực", "Trạng thái thu hồi", "kiểm tra lúc", "thu hồi lúc",
            "Thời điểm ký (do người ký khai)", "Dấu thời gian", "Định dạng và mức", "Phạm vi được ký",
            "Thay đổi sau khi ký", "Không có", "Phát hiện về toàn văn bản", "Thời điểm kiểm tra",
            "Chính sách kiểm tra", "Chính sách mặc định của EU DSS theo ETSI EN 319 102-1", "Trang",
            "Kiểm tra theo ETSI EN 319 102-1 bằng EU DSS. Báo cáo kỹ thuật ETSI (XML) kèm theo dành cho kiểm toán.",
            "hợp lệ", "không hợp lệ");

    static final ReportLabels EN = new ReportLabels(
            "Digital signature validation report",
            "Document", "SHA-256 digest", "Verdict", "Signature", "of", "Reason", "Signer", "Organisation",
            "Signature family", "Certificate subject", "Certificate issuer", "Certificate serial number",
            "Validity period", "Revocation status", "checked at", "revoked at",
            "Signing time (claimed by the signer)", "Time-stamps", "Format and level", "Signed scope",
            "Changes after signing", "None", "Findings on the whole document", "Validation time",
            "Validation policy", "EU DSS default policy per ETSI EN 319 102-1", "Page",
            "Validated per ETSI EN 319 102-1 with EU DSS. The ETSI technical report (XML) accompanies this one for"
                    + " auditors.",
            "valid", "invalid");

    static ReportLabels of(Language language) {
        return language == Language.VI ? VI : EN;
    }

    String verdict(Verdict v) {
        boolean vi = this == VI;
        return switch (v) {
            case VALID -> vi ? "HỢP LỆ" : "VALID";
            case INVALID -> vi ? "KHÔNG HỢP LỆ" : "INVALID";
            case INDETERMINATE -> vi ? "CHƯA ĐỦ CƠ SỞ KẾT LUẬN" : "INDETERMINATE";
            case UNSIGNED -> vi ? "KHÔNG CÓ CHỮ KÝ SỐ" : "UNSIGNED";
        };
    }

    String family(KeyFamily f) {
        boolean vi = this == VI;
        if (f == null) {
            return vi ? "Không thuộc hệ thống tin cậy đã cấu hình" : "Not from a configured trusted system";
        }
        return switch (f) {
            case SPECIALISED -> vi ? "Chữ ký số chuyên dùng công vụ" : "Specialised public-service digital signature";
            case PUBLIC -> vi ? "Chữ ký số công cộng" : "Public digital signature";
        };
    }

    String revocationStatus(String status) {
        boolean vi = this == VI;
        return switch (status) {
            case "GOOD" -> vi ? "Chưa bị thu hồi" : "Not revoked";
            case "REVOKED" -> vi ? "ĐÃ BỊ THU HỒI" : "REVOKED";
            case "UNKNOWN" -> vi ? "Không xác định (nơi cấp không biết chứng thư này)" : "Unknown to the responder";
            default -> vi ? "Chưa kiểm tra được" : "Not checked";
        };
    }

    String timestampType(String type) {
        boolean vi = this == VI;
        return switch (type) {
            case "SIGNATURE_TIMESTAMP" -> vi ? "Dấu thời gian chữ ký" : "Signature time-stamp";
            case "DOCUMENT_TIMESTAMP" -> vi ? "Dấu thời gian tài liệu" : "Document time-stamp";
            case "CONTENT_TIMESTAMP" -> vi ? "Dấu thời gian nội dung" : "Content time-stamp";
            default -> vi ? "Dấu thời gian lưu trữ" : "Archive time-stamp";
        };
    }
}
