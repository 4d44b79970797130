package vn.kyso.exchange;

import java.util.Objects;

/**
 * A status update about a received message, from the receiving agency back to the sender.
 *
 * @param from         the agency reporting; one this service signs for
 * @param responseTo   the agency that sent the letter
 * @param documentId   the letter's {@code DocumentId}
 * @param numberSymbol số và ký hiệu of the letter, e.g. {@code 123/UBND-VP}
 * @param status       the new state
 * @param description  what to tell the sender; required for REJECTED
 * @param staff        who handles it, or null
 * @param department   their department, or null
 */
public record StatusRequest(Organ from, Organ responseTo, String documentId, String numberSymbol,
        StatusCode status, String description, String staff, String department) {

    public StatusRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(responseTo, "responseTo");
        Objects.requireNonNull(status, "status");
        if (documentId == null || documentId.isBlank() || documentId.length() > 300) {
            throw new IllegalArgumentException("documentId is required, at most 300 characters");
        }
        documentId = documentId.strip();
        numberSymbol = numberSymbol == null ? "" : numberSymbol.strip();
        description = description == null ? "" : description.strip();
        if (status == StatusCode.REJECTED && description.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs a description");
        }
        if (description.length() > 2000 || numberSymbol.length() > 100) {
            throw new IllegalArgumentException("description at most 2000, numberSymbol at most 100 characters");
        }
        staff = staff == null || staff.isBlank() ? null : staff.strip();
        department = department == null || department.isBlank() ? null : department.strip();
    }
}
