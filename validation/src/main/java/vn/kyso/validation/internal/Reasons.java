package vn.kyso.validation.internal;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import java.util.EnumMap;
import java.util.Map;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Verdict;

/**
 * DSS's indication and sub-indication (ETSI EN 319 102-1, clause 5.1.3) in words a clerk understands,
 * in Vietnamese and English. The code stays the sub-indication's name so that clients can switch on it.
 */
final class Reasons {

    static final Explanation VALID = new Explanation("VALID", "Chữ ký số hợp lệ", "The signature is valid");

    private static final Map<SubIndication, Explanation> TEXTS = new EnumMap<>(SubIndication.class);

    static {
        put(SubIndication.FORMAT_FAILURE,
                "Chữ ký hoặc cấu trúc tệp không đúng định dạng chuẩn",
                "The signature or the file structure does not conform to the format");
        put(SubIndication.HASH_FAILURE,
                "Nội dung đã bị thay đổi sau khi ký",
                "The document was changed after it was signed");
        put(SubIndication.SIG_CRYPTO_FAILURE,
                "Giá trị chữ ký không khớp với khóa công khai của chứng thư số — chữ ký bị giả mạo hoặc hư hỏng",
                "The signature value does not verify with the certificate's public key — forged or damaged");
        put(SubIndication.REVOKED,
                "Chứng thư số đã bị thu hồi trước thời điểm ký",
                "The certificate was revoked before the document was signed");
        put(SubIndication.REVOKED_NO_POE,
                "Chứng thư số đã bị thu hồi và không có bằng chứng (dấu thời gian) cho thấy văn bản được ký trước "
                        + "thời điểm thu hồi",
                "The certificate has been revoked and nothing (no time-stamp) proves the document was signed "
                        + "before the revocation");
        put(SubIndication.REVOKED_CA_NO_POE,
                "Chứng thư số của tổ chức cấp (CA) trong chuỗi đã bị thu hồi và không có bằng chứng văn bản được "
                        + "ký trước đó",
                "A CA certificate in the chain has been revoked and nothing proves the document was signed "
                        + "before that");
        put(SubIndication.EXPIRED,
                "Chứng thư số đã hết hạn khi ký",
                "The certificate had expired when the document was signed");
        put(SubIndication.NOT_YET_VALID,
                "Chứng thư số chưa có hiệu lực tại thời điểm ký",
                "The certificate was not yet valid when the document was signed");
        put(SubIndication.OUT_OF_BOUNDS_NO_POE,
                "Chứng thư số đã hết hạn và không có dấu thời gian chứng minh văn bản được ký khi chứng thư còn "
                        + "hiệu lực",
                "The certificate has expired and no time-stamp proves the document was signed while it was "
                        + "valid");
        put(SubIndication.OUT_OF_BOUNDS_NOT_REVOKED,
                "Chứng thư số đã hết hạn (không bị thu hồi) và không có dấu thời gian chứng minh văn bản được ký "
                        + "khi chứng thư còn hiệu lực",
                "The certificate has expired (it was not revoked) and no time-stamp proves the document was "
                        + "signed while it was valid");
        put(SubIndication.SIG_CONSTRAINTS_FAILURE,
                "Chữ ký không đáp ứng các yêu cầu của chính sách kiểm tra",
                "The signature does not meet the requirements of the validation policy");
        put(SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                "Chuỗi chứng thư số không đáp ứng các yêu cầu của chính sách kiểm tra",
                "The certificate chain does not meet the requirements of the validation policy");
        put(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
                "Không kiểm tra được chuỗi chứng thư số",
                "The certificate chain could not be checked");
        put(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                "Thuật toán mật mã hoặc độ dài khóa không còn đủ an toàn theo chính sách kiểm tra",
                "A cryptographic algorithm or key size is no longer acceptable under the validation policy");
        put(SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
                "Thuật toán mật mã không còn đủ an toàn và không có bằng chứng văn bản được ký khi thuật toán còn "
                        + "an toàn",
                "A cryptographic algorithm is no longer acceptable and nothing proves the document was signed "
                        + "while it was");
        put(SubIndication.POLICY_PROCESSING_ERROR,
                "Không xử lý được chính sách chữ ký mà chữ ký tham chiếu",
                "The signature policy the signature refers to could not be processed");
        put(SubIndication.SIGNATURE_POLICY_NOT_AVAILABLE,
                "Không tìm thấy chính sách chữ ký mà chữ ký tham chiếu",
                "The signature policy the signature refers to is not available");
        put(SubIndication.TIMESTAMP_ORDER_FAILURE,
                "Thứ tự thời gian của các dấu thời gian không hợp lệ",
                "The time-stamps are not in a consistent order");
        put(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                "Không xác định được chứng thư số của người ký",
                "The signer's certificate could not be identified");
        put(SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                "Chứng thư số không thuộc hệ thống tin cậy (chuyên dùng công vụ hoặc công cộng)",
                "The certificate does not belong to a trusted system (specialised public-service or public)");
        put(SubIndication.NO_CERTIFICATE_CHAIN_FOUND_NO_POE,
                "Chứng thư số không thuộc hệ thống tin cậy (chuyên dùng công vụ hoặc công cộng) tại thời điểm "
                        + "có thể chứng minh",
                "The certificate does not belong to a trusted system (specialised public-service or public) at any "
                        + "time that can be proven");
        put(SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE,
                "Không kiểm tra được trạng thái thu hồi tại thời điểm cần thiết — chưa đủ cơ sở kết luận",
                "The revocation status could not be checked for the time that matters — not enough evidence to "
                        + "decide");
        put(SubIndication.NO_POE,
                "Không có bằng chứng về thời điểm tồn tại của chữ ký — chưa đủ cơ sở kết luận",
                "Nothing proves when the signature existed — not enough evidence to decide");
        put(SubIndication.TRY_LATER,
                "Không thể kiểm tra trạng thái thu hồi — chưa đủ cơ sở kết luận",
                "The revocation status could not be checked — not enough evidence to decide");
        put(SubIndication.SIGNED_DATA_NOT_FOUND,
                "Thiếu văn bản gốc để kiểm tra chữ ký tách rời",
                "The original document is missing, so the detached signature cannot be checked");
    }


    private Reasons() {
    }

    static Verdict verdict(Indication indication) {
        if (indication == null) {
            return Verdict.INDETERMINATE;
        }
        return switch (indication) {
            case TOTAL_PASSED, PASSED -> Verdict.VALID;
            case TOTAL_FAILED, FAILED -> Verdict.INVALID;
            default -> Verdict.INDETERMINATE;
        };
    }

    static Explanation explain(Indication indication, SubIndication sub) {
        Verdict verdict = verdict(indication);
        if (verdict == Verdict.VALID) {
            return VALID;
        }
        if (sub != null) {
            return TEXTS.get(sub);
        }
        return verdict == Verdict.INVALID
                ? new Explanation("INVALID", "Chữ ký số không hợp lệ", "The signature is not valid")
                : new Explanation("INDETERMINATE", "Chưa đủ cơ sở kết luận về chữ ký số",
                        "There is not enough evidence to decide on the signature");
    }

    /** Sub-indications by which DSS says "the revocation evidence is missing or unusable". */
    static boolean isRevocationGap(SubIndication sub) {
        return sub == SubIndication.TRY_LATER || sub == SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE;
    }

    /** Offline, the document embeds no revocation data for the signer: refuse to guess. */
    static Explanation offlineWithoutRevocation(SubIndication sub) {
        return new Explanation(code(sub),
                "Không thể kết luận khi kiểm tra ngoại tuyến: văn bản không kèm dữ liệu thu hồi của chứng thư số",
                "Cannot decide offline: the document carries no revocation data for the certificate");
    }

    /** Online, no responder answered for the signer's certificate. */
    static Explanation revocationUnavailable(SubIndication sub) {
        return new Explanation(code(sub), TEXTS.get(SubIndication.TRY_LATER).vi(),
                TEXTS.get(SubIndication.TRY_LATER).en());
    }

    private static String code(SubIndication sub) {
        return sub == null ? SubIndication.TRY_LATER.name() : sub.name();
    }

    static boolean has(SubIndication sub) {
        return TEXTS.containsKey(sub);
    }

    private static void put(SubIndication sub, String vi, String en) {
        TEXTS.put(sub, new Explanation(sub.name(), vi, en));
    }
}
