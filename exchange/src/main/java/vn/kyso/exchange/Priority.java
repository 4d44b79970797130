package vn.kyso.exchange;

/**
 * Độ khẩn, carried as {@code OtherInfo/Priority}. The numeric codes are an assumption (docs/edxml.md):
 * the implementations we could read only ever send 0.
 */
public enum Priority {
    /** Thường. */
    NORMAL(0),
    /** Khẩn. */
    URGENT(1),
    /** Thượng khẩn. */
    VERY_URGENT(2),
    /** Hỏa tốc. */
    EXPRESS(3);

    private final int code;

    Priority(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Priority ofCode(int code) {
        for (Priority p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return NORMAL;
    }
}
