package vn.kyso.api.letters;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LettersException;
import vn.kyso.letters.LettersService;

/**
 * How the letters controllers reach a letter: the workflow when this server runs one, the id from the
 * path, and the organisation's ownership check every action on one letter makes.
 */
final class LetterAccess {

    static final String NOT_YOURS_NOTE = "letter of another organisation";

    private final ObjectProvider<LettersService> letters;
    private final AccessControl access;

    LetterAccess(ObjectProvider<LettersService> letters, AccessControl access) {
        this.letters = letters;
        this.access = access;
    }

    LettersService workflow() {
        LettersService w = letters.getIfAvailable();
        if (w == null) {
            throw new ApiException(ApiError.SERVICE_NOT_CONFIGURED,
                    "letters need the database, signing and conversion, which this server does not run");
        }
        return w;
    }

    /**
     * The letter, if it belongs to the caller's organisation (always with access control off); otherwise
     * 403 LETTER_NOT_YOURS, noted in the request's audit entry. Role checks came first (AccessRules).
     */
    Letter owned(UUID id, Caller caller) {
        Letter letter = workflow().get(id);
        if (!access.actsFor(caller, letter.owner())) {
            AuditNotes.note(NOT_YOURS_NOTE);
            throw LettersException.notYours(id.toString());
        }
        return letter;
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw LettersException.notFound(id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
    }
}
