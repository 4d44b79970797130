package vn.kyso.signing;

import java.util.List;
import java.util.Objects;

/**
 * Extends the signatures already in a document to a long-term level without touching them: adds the
 * time-stamp, certificates and revocation data that level needs. Asking for {@link
 * SignatureLevel#B_LTA} on a document that is already at B-LTA adds a fresh archive time-stamp
 * over everything before it (re-time-stamping, so the evidence outlives the last time-stamp's
 * certificate or algorithm).
 *
 * @param document          the signed document (PDF, XML, JSON, CMS or ASiC container)
 * @param targetLevel       B-T, B-LT or B-LTA
 * @param detachedContents  the signed files of a detached signature, empty otherwise
 */
public record AugmentRequest(Document document, SignatureLevel targetLevel, List<Document> detachedContents) {

    public AugmentRequest {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(targetLevel, "targetLevel");
        if (targetLevel == SignatureLevel.B_B) {
            throw new SigningException(SigningError.INVALID_REQUEST,
                    "augmentation goes to B-T, B-LT or B-LTA; B-B is where signatures start");
        }
        detachedContents = detachedContents == null ? List.of() : List.copyOf(detachedContents);
    }

    public AugmentRequest(Document document, SignatureLevel targetLevel) {
        this(document, targetLevel, List.of());
    }
}
