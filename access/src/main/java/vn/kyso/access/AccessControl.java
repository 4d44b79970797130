package vn.kyso.access;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.kyso.audit.AuditAction;

/**
 * The access-control facade: who owns which HSM key, which API keys open the service, and the
 * administrator's changes to both (docs/security.md). Which paths a role may call is a web concern and
 * stays in the api module's rule table; this facade answers the questions that need the owners and keys.
 */
public interface AccessControl {

    /** Where an entry comes from. */
    enum Source { CONFIGURATION, DATABASE }

    /**
     * A key's owner as the administrator sees it. Neither person nor organisation: the administrator
     * removed the owner (the key is then nobody's, whatever the configuration says).
     */
    record OwnerEntry(String person, String organisation, Source source, Instant changedAt, String changedBy) {

        public boolean bound() {
            return person != null || organisation != null;
        }

        public SecuritySettings.KeyOwner owner() {
            return bound() ? new SecuritySettings.KeyOwner(person, organisation) : null;
        }

        public String describe() {
            return AccessControl.describe(owner()) + " (" + source.name().toLowerCase(Locale.ROOT) + ")";
        }
    }

    /** An API key as the administrator sees it: never its secret, nor even its hash. */
    record KeyEntry(String id, String principal, String organisation, Set<Role> roles, Source source,
            Instant issuedAt, String issuedBy, Instant revokedAt, String revokedBy) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just issued, with the one copy of its secret there will ever be. */
    record IssuedKey(KeyEntry key, String secret) {
    }

    /** Records a change in the audit trail before it is made; throws if it cannot, and then nothing changes. */
    @FunctionalInterface
    interface ChangeLog {
        void beforeChange(AuditAction action, String target, String detail);
    }

    /** Whether access control is on; off only for local development and tests (kyso.security.enabled). */
    boolean enforced();

    /**
     * Whether the caller may sign with the key: a person's key only that person, as SIGNER; an
     * organisation's key only the CLERKs of that organisation; a key without an owner nobody. Always
     * with access control off.
     */
    boolean mayUse(Caller caller, String keyAlias);

    /**
     * Whether the caller acts for {@code organisation}, so may handle what belongs to it (its letters):
     * the caller's organisation is that one. Always with access control off; never for a thing that
     * belongs to no organisation while it is on.
     */
    boolean actsFor(Caller caller, String organisation);

    /** Whether changes can be made and kept. */
    boolean changeable();

    /** The owner of each key that has one. */
    Map<String, SecuritySettings.KeyOwner> owners();

    /** Every key with an owner, or whose owner the administrator removed, by alias. */
    Map<String, OwnerEntry> ownerEntries();

    /** Every API key, active or revoked, configured or issued. */
    List<KeyEntry> keys();

    Optional<KeyEntry> key(String id);

    /** The active key whose secret this is, compared in constant time whatever matches. */
    Optional<SecuritySettings.ApiKey> authenticate(String secret);

    int activeKeyCount();

    /** Makes {@code owner} the key's owner, whatever owned it before. */
    OwnerEntry bind(String alias, SecuritySettings.KeyOwner owner, String actor, ChangeLog changes);

    /** Leaves the key without an owner, so nobody may sign with it, even if the configuration names one. */
    OwnerEntry unbind(String alias, String actor, ChangeLog changes);

    /** A new API key with a secret made here; {@code id} null for a generated one. */
    IssuedKey issue(String id, String principal, String organisation, Set<Role> roles, String actor,
            ChangeLog changes);

    /** Refuses the key from now on; a configured one stays refused while it is configured with this secret. */
    KeyEntry revoke(String id, String actor, ChangeLog changes);

    /** Reads the store again now, as at a start. */
    void reload();

    static String describe(SecuritySettings.KeyOwner owner) {
        if (owner == null) {
            return "none";
        }
        return owner.person() != null ? "person " + owner.person() : "organisation " + owner.organisation();
    }
}
