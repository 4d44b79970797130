package vn.kyso.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;

/**
 * Whose HSM keys a caller may sign with (kyso.security.key-owners, as the administrator changed them since:
 * {@link AccessControl}): a person's key only that person, as SIGNER; an organisation's key only the
 * CLERKs of that organisation. A key without an owner is nobody's to use. The role check of
 * {@link AccessRules} comes first; this one needs the key from the request.
 */
public final class KeyOwnership {

    static final String REFUSAL_NOTE = "key owned by someone else";

    private static final Logger log = LoggerFactory.getLogger(KeyOwnership.class);

    private final boolean enforced;
    private final AccessControl access;

    KeyOwnership(boolean enforced, AccessControl access) {
        this.enforced = enforced;
        this.access = access;
    }

    /** Whether the caller may sign with the key; always with security disabled. */
    public boolean mayUse(Caller caller, String keyAlias) {
        if (!enforced) {
            return true;
        }
        SecuritySettings.KeyOwner owner = keyAlias == null ? null : access.owners().get(keyAlias);
        if (owner == null) {
            return false;
        }
        if (owner.person() != null) {
            return caller.has(Role.SIGNER) && owner.person().equals(caller.principal());
        }
        return caller.has(Role.CLERK) && owner.organisation().equals(caller.organisation());
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
        if (!enforced) {
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
