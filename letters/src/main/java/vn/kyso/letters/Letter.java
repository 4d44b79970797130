package vn.kyso.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A letter as clients see it: its state, metadata and, on a single letter, who did what when.
 *
 * @param organisation the issuing organisation, from the organisation key's certificate, once issued
 * @param signer       the authorised person, from the person key's certificate, once signed
 * @param recordId     the archive record, once archived
 * @param owner        the organisation the letter belongs to: the uploading clerk's; null when uploaded
 *                     without access control
 * @param attachments  attachments in separate files, signed and archived with the letter at issue
 * @param events       the timeline, oldest first; empty in lists
 */
public record Letter(
        String id,
        LetterState state,
        String subject,
        String documentType,
        String fileCode,
        String preservation,
        String accessRegime,
        String keywords,
        String originalName,
        Integer pageCount,
        String signer,
        String organisation,
        String numberSymbol,
        LocalDate documentDate,
        String recordId,
        String owner,
        Instant createdAt,
        Instant updatedAt,
        List<Attachment> attachments,
        List<Event> events) {

    public Letter {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public Letter withDetails(List<Attachment> allAttachments, List<Event> allEvents) {
        return new Letter(id, state, subject, documentType, fileCode, preservation, accessRegime, keywords,
                originalName, pageCount, signer, organisation, numberSymbol, documentDate, recordId, owner, createdAt,
                updatedAt, allAttachments, allEvents);
    }

    /**
     * An attachment in a separate file (phụ lục), signed with the ATTACHMENT layout.
     *
     * @param position 1, 2, … in the order uploaded
     * @param recordId its own archive record, once archived
     */
    public record Attachment(int position, String name, String recordId) {
    }

    /**
     * One step on the timeline.
     *
     * @param action UPLOADED, SIGNED_BY_PERSON, ISSUED, ARCHIVED or ARCHIVE_FAILED
     * @param keyId  the key used to sign, for signing steps
     * @param name   the certificate's holder for signing steps, for example the person's name
     * @param detail what else a reader needs: the number and symbol, the archive record, a failure
     */
    public record Event(Instant at, String actor, String action, String keyId, String name, String detail) {
    }
}
