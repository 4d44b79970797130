package vn.kyso.exchange;

import java.util.List;
import java.util.Objects;

/**
 * A recall, update or replacement of a letter this service sent. The header is the original message's,
 * read from the message exactly as it was sent (and checked to be validly signed by an agency this
 * service acts for); only {@code Bussiness} changes.
 *
 * @param from        the sending agency, as the caller was authorised for it; the original must be its message
 * @param original    the signed edXML message as sent
 * @param type        RECALL, UPDATE or REPLACE
 * @param reason      why ({@code BussinessDocReason}), required
 * @param attachments for UPDATE and REPLACE the corrected or replacing signed files, the letter first;
 *                    none for RECALL
 * @param keyAlias    the sender's key, or null for the one configured for it
 */
public record FollowUpRequest(Organ from, byte[] original, BusinessType type, String reason, List<Attachment> attachments,
        String keyAlias) {

    public FollowUpRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(type, "type");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        keyAlias = keyAlias == null || keyAlias.isBlank() ? null : keyAlias.strip();
        if (type == BusinessType.NEW) {
            throw new IllegalArgumentException("a follow-up is a RECALL, UPDATE or REPLACE");
        }
        if (reason == null || reason.length() > 2000 || reason.chars().anyMatch(c -> Character.isISOControl(c)
                && c != '\n')) {
            throw new IllegalArgumentException("reason is required, at most 2000 characters");
        }
        if (type == BusinessType.RECALL && !attachments.isEmpty()) {
            throw new IllegalArgumentException("a recall carries no files");
        }
        if (type != BusinessType.RECALL && attachments.isEmpty()) {
            throw new IllegalArgumentException("an update or replacement carries the new signed files");
        }
        if (attachments.size() > 50) {
            throw new IllegalArgumentException("at most 50 attachments");
        }
    }
}
