package vn.kyso.conversion;

/** The PDF/A profiles this module produces and checks. */
public enum PdfAProfile {
    /** ISO 19005-2 level B: the archive default. */
    PDF_A_2B(2, "PDF/A-2B"),
    /** ISO 19005-3 level B: as 2B, and the source document travels inside as an associated file. */
    PDF_A_3B(3, "PDF/A-3B"),
    /** ISO 19005-1 level B: only ever reported, for PDFs that claim it; never produced. */
    PDF_A_1B(1, "PDF/A-1B");

    private final int part;
    private final String label;

    PdfAProfile(int part, String label) {
        this.part = part;
        this.label = label;
    }

    /** The ISO 19005 part. */
    public int part() {
        return part;
    }

    /** The usual written form, as in the {@code X-PdfA-Profile} header. */
    public String label() {
        return label;
    }
}
