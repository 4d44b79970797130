package vn.kyso.conversion;

import java.util.Arrays;
import java.util.List;

/** The formats this module converts to PDF/A, with the media types detection reports for them. */
public enum SourceFormat {
    PDF(Family.PDF, "application/pdf"),
    DOCX(Family.OFFICE, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    DOC(Family.OFFICE, "application/msword"),
    ODT(Family.OFFICE, "application/vnd.oasis.opendocument.text"),
    RTF(Family.OFFICE, "application/rtf", "text/rtf"),
    HTML(Family.OFFICE, "text/html", "application/xhtml+xml"),
    XLSX(Family.OFFICE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS(Family.OFFICE, "application/vnd.ms-excel"),
    ODS(Family.OFFICE, "application/vnd.oasis.opendocument.spreadsheet"),
    PNG(Family.IMAGE, "image/png"),
    JPEG(Family.IMAGE, "image/jpeg"),
    TIFF(Family.IMAGE, "image/tiff"),
    /** Anything else: detected, perhaps extractable, but not converted. */
    UNSUPPORTED(Family.NONE);

    /** How a format is turned into PDF/A. */
    public enum Family { PDF, OFFICE, IMAGE, NONE }

    private final Family family;
    private final List<String> mediaTypes;

    SourceFormat(Family family, String... mediaTypes) {
        this.family = family;
        this.mediaTypes = List.of(mediaTypes);
    }

    public Family family() {
        return family;
    }

    /** The canonical media type first, then aliases. Empty for {@link #UNSUPPORTED}. */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /** The format for a detected media type (parameters such as {@code ; charset=} ignored). */
    public static SourceFormat ofMediaType(String mediaType) {
        String base = mediaType == null ? "" : mediaType.split(";", 2)[0].strip();
        return Arrays.stream(values()).filter(f -> f.mediaTypes.contains(base)).findFirst().orElse(UNSUPPORTED);
    }
}
