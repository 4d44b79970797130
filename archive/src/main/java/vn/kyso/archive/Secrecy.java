package vn.kyso.archive;

/** Độ mật (Law on Protection of State Secrets 2018; Appendix VI field {@code Priority}). */
public enum Secrecy {
    NONE("Không mật"),
    CONFIDENTIAL("Mật"),
    SECRET("Tối mật"),
    TOP_SECRET("Tuyệt mật");

    private final String nameVi;

    Secrecy(String nameVi) {
        this.nameVi = nameVi;
    }

    public String nameVi() {
        return nameVi;
    }

    /** The one-digit code: 0 none, 1 mật, 2 tối mật, 3 tuyệt mật. */
    public int code() {
        return ordinal();
    }
}
