package vn.kyso.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.access.SecuritySettings;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;

/**
 * The web layer's guard on whose HSM keys a caller may sign with: the decision is {@link AccessControl#mayUse}'s
 * (a person's key only that person, as SIGNER; an organisation's key only the CLERKs of that organisation; a
 * key without an owner nobody's); the refusal, its 403 and its note in the request's audit entry are here. The role check of
 * {@link AccessRules} comes first; this one needs the key from the request.
 */
public final class KeyOwnership {

    static final String REFUSAL_NOTE = "key owned by someone else";

    private static final Logger log = LoggerFactory.getLogger(KeyOwnership.class);

    private final AccessControl access;

    KeyOwnership(AccessControl access) {
        this.access = access;
    }

    /** Whether the caller may sign with the key; always with security disabled. */
    public boolean mayUse(Caller caller, String keyAlias) {
        return access.mayUse(caller, keyAlias);
    }

    /**
     * Refuses with 403 KEY_NOT_YOURS, noted in the request's audit entry. The detail does not say whose key
     * it is, nor whether it exists.
     */
    public void check(Caller caller, String keyAlias) {
        if (!mayUse(caller, keyAlias)) {
            log.warn("Refused: {} asked to sign with key '{}', which is not theirs", caller.principal(), keyAlias);
            AuditNotes.note(REFUSAL_NOTE);
            throw new ApiException(ApiError.KEY_NOT_YOURS, "You may not sign with key '" + keyAlias + "'");
        }
    }

    /**
     * For the exchange: a caller acts for its own agency only, and a key named for it must be that
     * agency's. Refuses with 403 KEY_NOT_YOURS otherwise (audited like a signing refusal). A null
     * {@code organId} means "this service's own agency", which the exchange settings decide; then only
     * the key is checked.
     */
    public void checkAgency(Caller caller, String organId, String keyAlias) {
        if (!access.enforced()) {
            return;
        }
        boolean sameAgency = organId == null || organId.equals(caller.organisation());
        SecuritySettings.KeyOwner owner = keyAlias == null || keyAlias.isBlank() ? null
                : access.owners().get(keyAlias);
        boolean keyOk = keyAlias == null || keyAlias.isBlank()
                || (owner != null && owner.organisation() != null && owner.organisation().equals(caller.organisation()));
        if (!sameAgency || !keyOk) {
            log.warn("Refused: {} of {} asked to act for agency '{}' with key '{}'", caller.principal(),
                    caller.organisation(), organId, keyAlias);
            AuditNotes.note(REFUSAL_NOTE);
            throw new ApiException(ApiError.KEY_NOT_YOURS, "You may not act for agency '" + organId + "'"
                    + (keyAlias == null ? "" : " with key '" + keyAlias + "'"));
        }
    }
}
