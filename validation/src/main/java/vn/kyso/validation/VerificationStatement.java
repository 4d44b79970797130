package vn.kyso.validation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.core.KeyFamily;

/**
 * What Circular 15/2025/TT-BKHCN asks a verification result to state, one line per fact, in Vietnamese and
 * English: whether the signature is valid, the integrity of the signed data, the organisation that issued
 * the certificate and the unit managing it, the signer, the signing time or time-stamp, the validity at
 * signing time, the certificate's validity period, and a warning whenever revocation could not be checked.
 * Derived from a {@link SignatureReport} only; docs/verification-report.md quotes every text.
 */
public final class VerificationStatement {

    /** The legal bases named under the report, in force since 2024–2025. */
    public static final Line LEGAL_BASIS = new Line("LEGAL_BASIS",
            "Căn cứ pháp lý: Luật Giao dịch điện tử số 20/2023/QH15; Nghị định số 23/2025/NĐ-CP quy định về chữ ký"
                    + " điện tử và dịch vụ tin cậy; Nghị định số 68/2024/NĐ-CP quy định về chữ ký số chuyên dùng công"
                    + " vụ; Thông tư số 15/2025/TT-BKHCN",
            "Legal basis: Law on Electronic Transactions No. 20/2023/QH15; Decree No. 23/2025/ND-CP on electronic"
                    + " signatures and trust services; Decree No. 68/2024/ND-CP on specialised public-service digital"
                    + " signatures; Circular No. 15/2025/TT-BKHCN",
            false);

    /** The heading of the lines. */
    public static final Line HEADING = new Line("HEADING", "Kết quả kiểm tra chữ ký số (Thông tư 15/2025/TT-BKHCN)",
            "Verification result (Circular 15/2025/TT-BKHCN)", false);

    private static final Set<String> DATA_CHANGED = Set.of("HASH_FAILURE", "SIG_CRYPTO_FAILURE");
    private static final Set<String> DATA_UNCHECKED = Set.of("SIGNED_DATA_NOT_FOUND", "FORMAT_FAILURE",
            "NO_SIGNING_CERTIFICATE_FOUND");
    private static final Set<String> NOT_VALID_AT_SIGNING = Set.of("REVOKED", "EXPIRED", "NOT_YET_VALID",
            "REVOKED_NO_POE", "REVOKED_CA_NO_POE", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED");
    private static final Set<String> REVOCATION_CHECKED = Set.of("GOOD", "REVOKED");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private VerificationStatement() {
    }

    /**
     * One stated fact.
     *
     * @param code    stable: VALIDITY, INTEGRITY, ISSUER, MANAGING_UNIT, SIGNER, SIGNING_TIME,
     *                VALID_AT_SIGNING_TIME, CERTIFICATE_PERIOD, REVOCATION_WARNING
     * @param warning drawn as a warning (amber), e.g. revocation not checked
     */
    public record Line(String code, String vi, String en, boolean warning) {
        public String in(Language language) {
            return language == Language.VI ? vi : en;
        }
    }

    /** The lines for one signature, in the order above; the revocation warning only when it applies. */
    public static List<Line> of(SignatureReport s) {
        List<Line> lines = new ArrayList<>();
        String code = s.reason() == null ? "" : s.reason().code();
        lines.add(switch (s.verdict()) {
            case VALID -> new Line("VALIDITY", "Chữ ký số HỢP LỆ", "The signature is VALID", false);
            case INVALID -> new Line("VALIDITY", "Chữ ký số KHÔNG HỢP LỆ", "The signature is NOT VALID", false);
            default -> new Line("VALIDITY", "Chưa đủ cơ sở kết luận chữ ký số hợp lệ hay không hợp lệ",
                    "Not enough evidence to say whether the signature is valid", true);
        });
        if (DATA_CHANGED.contains(code)) {
            lines.add(new Line("INTEGRITY", "Tính toàn vẹn của dữ liệu được ký: KHÔNG toàn vẹn — dữ liệu đã bị thay"
                    + " đổi sau khi ký", "Integrity of the signed data: NOT intact — the data changed after signing",
                    false));
        } else if (DATA_UNCHECKED.contains(code)) {
            lines.add(new Line("INTEGRITY", "Tính toàn vẹn của dữ liệu được ký: chưa kiểm tra được",
                    "Integrity of the signed data: could not be checked", true));
        } else {
            lines.add(new Line("INTEGRITY", "Tính toàn vẹn của dữ liệu được ký: toàn vẹn — mã băm khớp, dữ liệu"
                    + " không bị thay đổi sau khi ký", "Integrity of the signed data: intact — the digests match,"
                    + " nothing was changed after signing", false));
        }
        SignatureReport.CertificateInfo c = s.certificate();
        String issuer = c == null ? null : attribute(c.issuer(), "CN");
        lines.add(new Line("ISSUER", "Tổ chức cấp chứng thư số: " + orDash(issuer),
                "Organisation that issued the certificate: " + orDash(issuer), false));
        String[] unit = managingUnit(c, s.family());
        lines.add(new Line("MANAGING_UNIT", "Đơn vị quản lý chứng thư số: " + unit[0],
                "Unit managing the certificate: " + unit[1], false));
        String signer = orDash(s.signerName()) + (s.organisation() == null ? "" : " (" + s.organisation() + ")");
        lines.add(new Line("SIGNER", "Người ký: " + signer, "Signer: " + signer, false));
        lines.add(signingTime(s));
        lines.add(validAtSigning(s.verdict(), code));
        lines.add(new Line("CERTIFICATE_PERIOD", "Thời hạn hiệu lực của chứng thư số: từ "
                + time(c == null ? null : c.notBefore()) + " đến " + time(c == null ? null : c.notAfter()),
                "Validity period of the certificate: from " + time(c == null ? null : c.notBefore()) + " to "
                        + time(c == null ? null : c.notAfter()), false));
        String status = s.revocation() == null ? null : s.revocation().status();
        if (status == null || !REVOCATION_CHECKED.contains(status)) {
            lines.add(new Line("REVOCATION_WARNING", "CẢNH BÁO: không kiểm tra được trạng thái thu hồi của chứng"
                    + " thư số (OCSP/CRL không trả lời hoặc không xác định); chưa thể khẳng định chứng thư chưa bị thu"
                    + " hồi", "WARNING: the certificate's revocation status could not be checked (OCSP/CRL did not"
                    + " answer or did not know it); it cannot be confirmed that the certificate was not revoked",
                    true));
        }
        return List.copyOf(lines);
    }

    private static Line signingTime(SignatureReport s) {
        SignatureReport.TimestampInfo stamp = s.timestamps().stream()
                .filter(t -> "SIGNATURE_TIMESTAMP".equals(t.type()) && t.valid()).findFirst().orElse(null);
        if (stamp != null) {
            return new Line("SIGNING_TIME", "Thời điểm ký theo dấu thời gian: " + time(stamp.time()) + " (đơn vị cấp"
                    + " dấu thời gian: " + orDash(stamp.tsaName()) + ")", "Signing time per time-stamp: "
                    + time(stamp.time()) + " (time-stamp unit: " + orDash(stamp.tsaName()) + ")", false);
        }
        return new Line("SIGNING_TIME", "Thời điểm ký (do người ký khai, không có dấu thời gian): "
                + time(s.claimedSigningTime()), "Signing time (claimed by the signer, no time-stamp): "
                + time(s.claimedSigningTime()), false);
    }

    private static Line validAtSigning(Verdict verdict, String code) {
        if (verdict == Verdict.VALID) {
            return new Line("VALID_AT_SIGNING_TIME", "Hiệu lực tại thời điểm ký: chứng thư số còn hiệu lực, chưa bị"
                    + " thu hồi hay tạm dừng tại thời điểm ký", "Validity at signing time: the certificate was valid,"
                    + " neither revoked nor suspended, when the document was signed", false);
        }
        if (NOT_VALID_AT_SIGNING.contains(code)) {
            return new Line("VALID_AT_SIGNING_TIME", "Hiệu lực tại thời điểm ký: chứng thư số KHÔNG còn hiệu lực"
                    + " (hết hạn, chưa có hiệu lực hoặc đã bị thu hồi)", "Validity at signing time: the certificate was"
                    + " NOT valid (expired, not yet valid or revoked)", false);
        }
        return new Line("VALID_AT_SIGNING_TIME", "Hiệu lực tại thời điểm ký: chưa xác định được",
                "Validity at signing time: could not be determined", true);
    }

    /**
     * The organisation (O) named in the issuer's name; without one, the body that runs the family's root:
     * Ban Cơ yếu Chính phủ for specialised public-service certificates (Decree 68/2024), the National
     * Electronic Authentication Centre for public ones.
     */
    private static String[] managingUnit(SignatureReport.CertificateInfo c, KeyFamily family) {
        String o = c == null ? null : attribute(c.issuer(), "O");
        if (o != null) {
            return new String[] {o, o};
        }
        if (family == KeyFamily.SPECIALISED) {
            return new String[] {"Ban Cơ yếu Chính phủ (chữ ký số chuyên dùng công vụ)",
                "Government Cipher Committee (specialised public-service signatures)"};
        }
        if (family == KeyFamily.PUBLIC) {
            return new String[] {"Trung tâm Chứng thực điện tử quốc gia (NEAC)",
                "National Electronic Authentication Centre (NEAC)"};
        }
        return new String[] {"không xác định (chứng thư không thuộc hệ thống tin cậy đã cấu hình)",
            "unknown (the certificate is not from a configured trusted system)"};
    }

    /** One attribute of a name written as {@code CN=…,O=…,C=VN}, or null. */
    static String attribute(String dn, String type) {
        if (dn == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:^|,)\\s*" + type + "=((?:\\\\.|[^,])*)").matcher(dn);
        return m.find() ? m.group(1).replace("\\", "").strip() : null;
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(7)));
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
