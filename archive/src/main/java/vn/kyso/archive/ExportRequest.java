package vn.kyso.archive;

import java.util.Objects;

/**
 * An export to build in the background ({@link ArchiveService#startExport}): one record, or every record
 * of a file (hồ sơ), as a BagIt or E-ARK package.
 *
 * @param recordId     the record, or null for a file
 * @param fondCode     the file's fond, with {@code fileCode}; null for a record
 * @param requestedBy  who asked (kept with the job)
 * @param organisation the organisation the requester acts for; only its archivists see the job and its
 *                     package. Null without access control.
 */
public record ExportRequest(ExportFormat format, String recordId, String fondCode, String fileCode,
        String requestedBy, String organisation) {

    public ExportRequest {
        Objects.requireNonNull(format, "format");
        boolean record = recordId != null && !recordId.isBlank();
        boolean file = fondCode != null && !fondCode.isBlank() && fileCode != null && !fileCode.isBlank();
        if (record == file) {
            throw new IllegalArgumentException("an export names either a record or a file (fond and file code)");
        }
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
    }

    public static ExportRequest record(ExportFormat format, String recordId, String requestedBy, String organisation) {
        return new ExportRequest(format, recordId, null, null, requestedBy, organisation);
    }

    public static ExportRequest file(ExportFormat format, String fondCode, String fileCode, String requestedBy,
            String organisation) {
        return new ExportRequest(format, null, fondCode, fileCode, requestedBy, organisation);
    }

    /** What is exported, in words: {@code record <id>} or {@code file <fond>/<file code>}. */
    public String subject() {
        return recordId != null ? "record " + recordId : "file " + fondCode + "/" + fileCode;
    }
}
