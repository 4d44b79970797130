package vn.kyso.archive;

/** Chế độ sử dụng: who may read a record. */
public enum AccessRegime {
    /** Công khai: anyone, including citizens through the verification page. */
    PUBLIC,
    /** Hạn chế sử dụng: staff with the right role only. */
    RESTRICTED
}
