package vn.kyso.api.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A letter as clients see it: its state, metadata and, on a single letter, who did what when.
 *
 * @param organisation the issuing organisation, from the organisation key's certificate, once issued
 * @param signer       the authorised person, from the person key's certificate, once signed
 * @param recordId     the archive record, once archived
 * @param events       the timeline, oldest first; empty in lists
 */
record Letter(
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
        Instant createdAt,
        Instant updatedAt,
        List<Event> events) {

    Letter {
        events = events == null ? List.of() : List.copyOf(events);
    }

    Letter withEvents(List<Event> all) {
        return new Letter(id, state, subject, documentType, fileCode, preservation, accessRegime, keywords,
                originalName, pageCount, signer, organisation, numberSymbol, documentDate, recordId, createdAt,
                updatedAt, all);
    }

    /**
     * One step on the timeline.
     *
     * @param action UPLOADED, SIGNED_BY_PERSON, ISSUED, ARCHIVED or ARCHIVE_FAILED
     * @param keyId  the key used to sign, for signing steps
     * @param name   the certificate's holder for signing steps, for example the person's name
     * @param detail what else a reader needs: the number and symbol, the archive record, a failure
     */
    record Event(Instant at, String actor, String action, String keyId, String name, String detail) {
    }
}
