package vn.kyso.archive;

/**
 * Mức độ khẩn (Decree 30 Art. 15; Appendix VI field {@code Priority}). The code is the number edXML's
 * {@code Priority} carries: 0 normal, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc.
 */
public enum Urgency {
    NORMAL("Thường"),
    URGENT("Khẩn"),
    VERY_URGENT("Thượng khẩn"),
    FLASH("Hỏa tốc");

    private final String nameVi;

    Urgency(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }

    /** The one-digit code of Appendix VI / edXML. */
    public int code() {
        return ordinal();
    }
}
