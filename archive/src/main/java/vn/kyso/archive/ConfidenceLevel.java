package vn.kyso.archive;

/** Mức độ tin cậy: how the electronic record came to be. */
public enum ConfidenceLevel {
    /** Gốc điện tử: born digital and signed. */
    ELECTRONIC_ORIGINAL,
    /** Số hóa: digitised from paper. */
    DIGITISED,
    /** Hỗn hợp: both. */
    MIXED
}
