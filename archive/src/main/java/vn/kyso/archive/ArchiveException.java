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
