package vn.kyso.archive;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/** The stable error codes of the archive module. */
public enum ArchiveError implements ErrorCode {
    METADATA_INVALID(ErrorKind.BAD_REQUEST, "Archive metadata breaks the rules"),
    EMPTY_DOCUMENT(ErrorKind.BAD_REQUEST, "Empty document"),
    DOCUMENT_TOO_LARGE(ErrorKind.TOO_LARGE, "Document too large"),
    INVALID_QUERY(ErrorKind.BAD_REQUEST, "Invalid search"),
    DUPLICATE_RECORD(ErrorKind.CONFLICT, "The same bytes are already archived"),
    RECORD_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown record"),
    FILE_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown file (hồ sơ)"),
    DISPOSAL_LIST_NOT_FOUND(ErrorKind.NOT_FOUND, "Unknown disposal list"),
    NOT_A_SIGNED_DOCUMENT(ErrorKind.UNPROCESSABLE, "The document carries no signature the archive can check"),
    RETENTION_ACTIVE(ErrorKind.CONFLICT, "Preservation period not over or legal hold set"),
    DISPOSAL_NOT_APPROVED(ErrorKind.CONFLICT, "Disposal needs an approved disposal list"),
    JOB_ALREADY_RUNNING(ErrorKind.CONFLICT, "A job of this kind is already running"),
    STORAGE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Object storage unavailable"),
    CATALOGUE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Catalogue database unavailable"),
    EVIDENCE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Time-stamp or revocation service unavailable"),
    INTEGRITY_FAILURE(ErrorKind.INTERNAL, "Stored object does not match its recorded digest"),
    ARCHIVE_FAILED(ErrorKind.INTERNAL, "Archive operation failed"),
    /** The file (hồ sơ) is closed: nothing may be filed in it any more. */
    FILE_CLOSED(ErrorKind.CONFLICT, "The file (hồ sơ) is closed"),
    /** A file (hồ sơ) with this code is already open or closed in this fond. */
    FILE_EXISTS(ErrorKind.CONFLICT, "A file (hồ sơ) with this code already exists"),
    /**
     * The same bytes belong to an ingest not finished yet (in flight, or failed and not yet undone): try
     * again later, rather than a 409 naming a record that may be rolled back.
     */
    INGEST_PENDING(ErrorKind.UNAVAILABLE, "An earlier ingest of the same bytes has not finished"),
    /** The person who drew up a disposal list may not approve it too: a second person must. */
    DISPOSAL_SAME_PERSON(ErrorKind.FORBIDDEN, "A disposal list is approved by a second person, not its proposer"),
    /** The approver acts for another organisation than the list's. */
    DISPOSAL_OTHER_ORGANISATION(ErrorKind.FORBIDDEN, "A disposal list is approved within its own organisation"),
    /** The approval names no decision (số quyết định) or no decision date. */
    DISPOSAL_DECISION_INVALID(ErrorKind.BAD_REQUEST, "A disposal approval needs the decision's number and date"),
    /** An export's package was asked for before it was built, after it failed, or after it expired. */
    EXPORT_NOT_READY(ErrorKind.CONFLICT, "The export has no package to download");

    private final ErrorKind kind;
    private final String title;

    ArchiveError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
