package vn.kyso.exchange;

/**
 * The state a receiver reports back in an edXML {@code Status} message ({@code StatusCode}). The
 * two-digit values are an assumption recorded in docs/edxml.md: the element is confirmed, the code
 * list is not.
 */
public enum StatusCode {
    /** Đã đến: the package arrived and passed every check. */
    RECEIVED("01"),
    /** Từ chối tiếp nhận: refused, with the reason in {@code Description}. */
    REJECTED("02"),
    /** Đã tiếp nhận: registered by the clerk. */
    ACCEPTED("03"),
    /** Phân công: assigned to someone to handle. */
    ASSIGNED("04"),
    /** Đang xử lý. */
    PROCESSING("05"),
    /** Hoàn thành. */
    DONE("06");

    private final String code;

    StatusCode(String code) {
        this.code = code;
    }

    /** The value written into {@code edXML:StatusCode}. */
    public String code() {
        return code;
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
