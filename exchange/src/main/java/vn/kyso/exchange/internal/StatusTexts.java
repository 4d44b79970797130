package vn.kyso.exchange.internal;

import vn.kyso.exchange.ExchangeError;

/**
 * The Vietnamese of each rejection reason, written into the {@code Description} of the status message
 * sent back (the sender's clerk reads it), before the English detail.
 */
final class StatusTexts {

    private StatusTexts() {
    }

    static String vietnamese(ExchangeError reason) {
        return switch (reason) {
            case MESSAGE_TOO_LARGE -> "Gói tin vượt quá dung lượng cho phép";
            case FORBIDDEN_XML -> "Gói tin chứa cấu trúc XML không được chấp nhận (DOCTYPE, thực thể)";
            case MALFORMED_MESSAGE -> "Gói tin không phải XML hợp lệ";
            case NOT_EDXML -> "Gói tin không đúng định dạng edXML";
            case UNSIGNED -> "Gói tin không có chữ ký số";
            case SIGNATURE_WRAPPING -> "Chữ ký số không bao trùm toàn bộ gói tin";
            case SIGNATURE_INVALID -> "Chữ ký số trên gói tin không hợp lệ";
            case SIGNER_NOT_SPECIALISED -> "Gói tin không được ký bằng chữ ký số chuyên dùng công vụ";
            case WRONG_RECEIVER -> "Gói tin không gửi đến cơ quan này";
            case HEADER_INVALID -> "Thông tin văn bản trong gói tin thiếu hoặc sai";
            case ATTACHMENT_MISSING -> "Thiếu tệp đính kèm";
            case ATTACHMENT_DIGEST_MISMATCH -> "Tệp đính kèm không khớp với thông tin văn bản";
            case ATTACHMENT_SIGNATURE_INVALID -> "Chữ ký số trên tệp đính kèm không hợp lệ";
            case HEADER_MISMATCH -> "Thông tin văn bản không khớp với văn bản đã ký";
            case DUPLICATE_MESSAGE -> "Văn bản đã được tiếp nhận trước đó (gói tin trùng), không lưu lại";
            case ORIGINAL_NOT_FOUND -> "Không tìm thấy văn bản cần thu hồi/cập nhật trong các văn bản đã nhận";
            case INVALID_REQUEST, ARCHIVE_UNAVAILABLE, EXCHANGE_FAILED -> "Không tiếp nhận được văn bản";
            case LEDGER_UNAVAILABLE -> "Tạm thời không tiếp nhận được văn bản (sổ văn bản đến không truy cập được)";
        };
    }

    /** {@code CODE: Vietnamese. English detail} */
    static String description(ExchangeError reason, String detail) {
        return reason.code() + ": " + vietnamese(reason) + ". " + detail;
    }
}
