package vn.kyso.exchange;

/**
 * The state a receiver reports back in an edXML {@code Status} message ({@code StatusCode}), with the
 * description in Vietnamese that goes into {@code Description} when the caller gives none.
 * docs/edxml.md says where the code list comes from.
 */
public enum StatusCode {
    /** Đã đến: the package arrived and passed every check. */
    RECEIVED("01", "Đã đến"),
    /** Từ chối tiếp nhận: refused, with the reason in {@code Description}. */
    REJECTED("02", "Từ chối tiếp nhận"),
    /** Đã tiếp nhận: registered by the clerk. */
    ACCEPTED("03", "Đã tiếp nhận"),
    /** Phân công: assigned to someone to handle. */
    ASSIGNED("04", "Phân công"),
    /** Đang xử lý. */
    PROCESSING("05", "Đang xử lý"),
    /** Hoàn thành. */
    DONE("06", "Hoàn thành"),
    /**
     * Lấy lại: the receiver has registered the sender's request to take back (recall), update or replace
     * a letter; its clerk answers with 15 or 16.
     */
    RECALL_REQUESTED("13", "Đã ghi nhận yêu cầu thu hồi/cập nhật văn bản, chờ văn thư xử lý"),
    /** Đồng ý thu hồi / cập nhật. */
    RECALL_ACCEPTED("15", "Đồng ý thu hồi/cập nhật văn bản"),
    /** Từ chối thu hồi / cập nhật. */
    RECALL_REFUSED("16", "Từ chối thu hồi/cập nhật văn bản");

    private final String code;
    private final String vietnamese;

    StatusCode(String code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    /** The value written into {@code edXML:StatusCode}. */
    public String code() {
        return code;
    }

    /** The state in Vietnamese. */
    public String vietnamese() {
        return vietnamese;
    }

    /** The clerk's decision on a recall or update (15, 16). */
    public boolean decidesFollowUp() {
        return this == RECALL_ACCEPTED || this == RECALL_REFUSED;
    }

    public static StatusCode ofCode(String code) {
        for (StatusCode s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status code: " + code);
    }
}
