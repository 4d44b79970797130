package vn.kyso.archive;

import java.util.List;
import vn.kyso.core.ServiceException;

/**
 * A refused or failed archive operation. For {@link ArchiveError#METADATA_INVALID} it lists every
 * field at fault, so a clerk fixes the form once.
 */
public class ArchiveException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> fieldErrors;
    private final String existingRecordId;
    /** The refusal in Vietnamese, shown as {@code detailVi} beside the English detail; null if none. */
    private String messageVi;

    public ArchiveException(ArchiveError error, String message, Throwable cause) {
        this(error, message, cause, List.of(), null);
    }

    public ArchiveException(ArchiveError error, String message) {
        this(error, message, null);
    }

    private ArchiveException(ArchiveError error, String message, Throwable cause, List<FieldError> fieldErrors,
            String existingRecordId) {
        super(error, message, cause);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.existingRecordId = existingRecordId;
    }

    public static ArchiveException invalidMetadata(List<FieldError> errors) {
        return new ArchiveException(ArchiveError.METADATA_INVALID,
                errors.size() + (errors.size() == 1 ? " field breaks" : " fields break") + " the archive rules", null,
                errors, null);
    }

    public static ArchiveException duplicate(String existingRecordId) {
        return new ArchiveException(ArchiveError.DUPLICATE_RECORD,
                "these exact bytes are already archived as record " + existingRecordId, null, List.of(),
                existingRecordId);
    }

    /**
     * 503 INGEST_PENDING: the same bytes belong to an ingest that has not finished (in flight, or failed
     * and not yet undone). Not a 409: that record may still be rolled back, and then the retry is right.
     */
    public static ArchiveException ingestPending() {
        ArchiveException e = new ArchiveException(ArchiveError.INGEST_PENDING,
                "an earlier ingest of these exact bytes has not finished yet (it is completed or undone within "
                        + "minutes); try again later");
        e.messageVi = "Một lần lưu trữ trước của chính tài liệu này chưa hoàn tất (sẽ được hoàn tất hoặc hủy trong "
                + "vài phút); vui lòng thử lại sau";
        return e;
    }

    public ArchiveError error() {
        return (ArchiveError) errorCode();
    }

    /** Every field at fault, for {@link ArchiveError#METADATA_INVALID}; empty otherwise. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The record that already holds these bytes, for {@link ArchiveError#DUPLICATE_RECORD}. */
    public String existingRecordId() {
        return existingRecordId;
    }

    @Override
    public java.util.Map<String, Object> details() {
        java.util.Map<String, Object> d = new java.util.LinkedHashMap<>();
        if (!fieldErrors.isEmpty()) {
            d.put("errors", fieldErrors);
        }
        if (existingRecordId != null) {
            d.put("existingRecordId", existingRecordId);
        }
        if (messageVi != null) {
            d.put("detailVi", messageVi);
        }
        return d;
    }

    /**
     * One field at fault and why.
     *
     * @param field     the form field
     * @param message   why, in English
     * @param code      a stable code a client may switch on, e.g. {@code FIELD_TOO_LONG}
     * @param messageVi why, in Vietnamese
     */
    public record FieldError(String field, String message, String code, String messageVi) {

        /** A rule of the original form checks: generic code, the Vietnamese text names the field. */
        public FieldError(String field, String message) {
            this(field, message, FieldRules.INVALID, "Trường " + field + " không hợp lệ: " + message);
        }
    }
}
