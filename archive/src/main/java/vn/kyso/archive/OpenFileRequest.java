package vn.kyso.archive;

import java.util.Objects;

/**
 * A file (hồ sơ) to open, checked by {@link FileForm#toRequest()}. Its code is {@code organId.year.notation}
 * (Appendix VI: FileCode = OrganId + FileCatalog + FileNotation).
 */
public record OpenFileRequest(String fondCode, String organId, int year, String notation, String title,
        PreservationPeriod retention, FileRights rights, String creator, String language, String description) {

    public OpenFileRequest {
        Objects.requireNonNull(fondCode, "fondCode");
        Objects.requireNonNull(organId, "organId");
        Objects.requireNonNull(notation, "notation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(rights, "rights");
        Objects.requireNonNull(creator, "creator");
        language = language == null ? "vi" : language;
    }

    /** FileCode: the organisation's identifier, the year and the notation, joined by dots. */
    public String fileCode() {
        return organId + "." + year + "." + notation;
    }
}
