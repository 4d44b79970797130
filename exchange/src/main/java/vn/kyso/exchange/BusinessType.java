package vn.kyso.exchange;

/**
 * What a message does to a letter ({@code TraceHeaderList/Bussiness/BussinessDocType}, spelled so in the
 * SDK): a new letter, or a recall, update or replacement of one sent before.
 */
public enum BusinessType {
    /** Văn bản mới. */
    NEW(0, "Văn bản mới"),
    /** Thu hồi: the sender takes the letter back. */
    RECALL(1, "Thu hồi văn bản"),
    /** Cập nhật: a corrected version of the same letter. */
    UPDATE(2, "Cập nhật văn bản"),
    /** Thay thế: another letter replaces it. */
    REPLACE(3, "Thay thế văn bản");

    private final int code;
    private final String vietnamese;

    BusinessType(int code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    /** The value written into {@code BussinessDocType}. */
    public int code() {
        return code;
    }

    /** Its name in Vietnamese, as written into a default {@code BussinessDocReason}. */
    public String vietnamese() {
        return vietnamese;
    }

    public static BusinessType ofCode(int code) {
        for (BusinessType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown BussinessDocType: " + code);
    }
}
