package vn.kyso.archive;

/**
 * Chế độ sử dụng of a file (hồ sơ), Appendix VI field {@code Rights}, with the codes of the list used
 * under Circular 05/2025/TT-BNV: 01 public, 02 conditional use, 03 secret.
 */
public enum FileRights {
    PUBLIC("01", "Công khai"),
    CONDITIONAL("02", "Sử dụng có điều kiện"),
    SECRET("03", "Mật");

    private final String code;
    private final String nameVi;

    FileRights(String code, String nameVi) {
        this.code = code;
        this.nameVi = nameVi;
    }

    public String code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }
}
