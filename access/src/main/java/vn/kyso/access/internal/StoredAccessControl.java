package vn.kyso.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.access.AccessControl;
import vn.kyso.access.AccessError;
import vn.kyso.access.AccessException;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.access.spi.AccessStore;
import vn.kyso.audit.AuditAction;

/**
 * The {@link AccessControl} of the service. Who owns which HSM key and which API keys open the service, as configured ({@code kyso.security.*} and
 * the demo's grants) and as the administrator changed it since (kept in an {@link AccessStore}). The
 * administrator's changes win: a key owner set or removed in the database replaces the configured one; a
 * revoked configured API key stays refused while it is configured with the same secret; issued keys come
 * on top of the configured ones. The state is rebuilt from the store after each change and, so that every
 * instance of the service sees changes made through another, at most every reload interval.
 */
public final class StoredAccessControl implements AccessControl {

    private record Active(byte[] hash, SecuritySettings.ApiKey key) {
    }

    private record Configured(SecuritySettings.ApiKey key, String hash) {
    }

    private record State(Map<String, OwnerEntry> owners, Map<String, SecuritySettings.KeyOwner> bound,
            List<KeyEntry> keys, List<Active> active, Map<String, Configured> configuredKeys) {
    }

    private static final Logger log = LoggerFactory.getLogger(StoredAccessControl.class);
    private static final int SECRET_BYTES = 32;

    private final SecuritySettings configured;
    private final AccessStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final long reloadMillis;
    private final AtomicLong nextReload = new AtomicLong();
    private volatile State state;

    /**
     * Reads the store at once: a revoked key must not open the service for a moment after a restart.
     *
     * @param configured the settings with the grants of code (the demo) merged in
     * @param store      where the administrator's changes are kept, or null for none (then nothing can be
     *                   changed through the API)
     */
    public StoredAccessControl(SecuritySettings configured, AccessStore store, Clock clock, SecureRandom random) {
        this.configured = configured;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.reloadMillis = configured.reloadInterval().toMillis();
        this.state = load();
        nextReload.set(clock.millis() + reloadMillis);
    }

    /** Whether changes can be made and kept. */
    @Override
    public boolean changeable() {
        return store != null;
    }

    // --- reading ------------------------------------------------------------------------------------------

    /** The owner of each key that has one. */
    @Override
    public Map<String, SecuritySettings.KeyOwner> owners() {
        return current().bound();
    }

    /** Every key with an owner, or whose owner the administrator removed, by alias. */
    @Override
    public Map<String, OwnerEntry> ownerEntries() {
        return current().owners();
    }

    /** Every API key, active or revoked, configured or issued. */
    @Override
    public List<KeyEntry> keys() {
        return current().keys();
    }

    @Override
    public Optional<KeyEntry> key(String id) {
        return current().keys().stream().filter(k -> k.id().equals(id))
                .reduce((first, later) -> first.active() ? first : later);
    }

    /**
     * The active key whose secret this is. Every active key is compared, in constant time, whatever
     * matches, so the time taken says nothing about which key is close.
     */
    @Override
    public Optional<SecuritySettings.ApiKey> authenticate(String secret) {
        byte[] hash = sha256(secret);
        SecuritySettings.ApiKey found = null;
        for (Active a : current().active()) {
            if (MessageDigest.isEqual(a.hash(), hash)) {
                found = a.key();
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public int activeKeyCount() {
        return state.active().size();
    }

    @Override
    public boolean enforced() {
        return configured.enabled();
    }

    @Override
    public boolean mayUse(Caller caller, String keyAlias) {
        if (!configured.enabled()) {
            return true;
        }
        SecuritySettings.KeyOwner owner = keyAlias == null ? null : owners().get(keyAlias);
        if (owner == null) {
            return false;
        }
        if (owner.person() != null) {
            return caller.has(Role.SIGNER) && owner.person().equals(caller.principal());
        }
        return caller.has(Role.CLERK) && owner.organisation().equals(caller.organisation());
    }

    @Override
    public boolean actsFor(Caller caller, String organisation) {
        if (!configured.enabled()) {
            return true;
        }
        return organisation != null && organisation.equals(caller.organisation());
    }

    // --- changing -----------------------------------------------------------------------------------------

    /** Makes {@code owner} the key's owner, whatever owned it before. */
    @Override
    public synchronized OwnerEntry bind(String alias, SecuritySettings.KeyOwner owner, String actor, ChangeLog changes) {
        requireStore();
        OwnerEntry before = state.owners().get(alias);
        changes.beforeChange(AuditAction.KEY_CHANGE, "key:" + alias, "owner " + AccessControl.describe(owner) + ", was "
                + (before == null ? "none" : before.describe()));
        store.saveOwner(new AccessStore.OwnerRow(alias, owner, clock.instant(), actor));
        reloadNow();
        return state.owners().get(alias);
    }

    /** Leaves the key without an owner, so nobody may sign with it, even if the configuration names one. */
    @Override
    public synchronized OwnerEntry unbind(String alias, String actor, ChangeLog changes) {
        requireStore();
        OwnerEntry before = state.owners().get(alias);
        if (before == null || !before.bound()) {
            throw new AccessException(AccessError.KEY_OWNER_NOT_FOUND, "key '" + alias + "' has no owner");
        }
        changes.beforeChange(AuditAction.KEY_CHANGE, "key:" + alias, "owner removed, was " + before.describe());
        store.saveOwner(new AccessStore.OwnerRow(alias, null, clock.instant(), actor));
        reloadNow();
        return state.owners().get(alias);
    }

    /** A new API key with a secret made here; {@code id} null for a generated one. */
    @Override
    public synchronized IssuedKey issue(String id, String principal, String organisation, Set<Role> roles, String actor,
            ChangeLog changes) {
        requireStore();
        String keyId = id != null ? id : generatedId();
        if (state.keys().stream().anyMatch(k -> k.id().equals(keyId))) {
            throw new AccessException(AccessError.API_KEY_EXISTS, "there is an API key '" + keyId
                    + "' already; ids are never reused");
        }
        Set<Role> granted = inOrder(roles);
        String secret = newSecret();
        changes.beforeChange(AuditAction.PERMISSION_CHANGE, "api-key:" + keyId, "issued to " + principal
                + (organisation == null ? "" : " of " + organisation) + " with roles " + granted);
        if (!store.insertKey(new AccessStore.KeyRow(keyId, hex(sha256(secret)), AccessStore.Origin.DATABASE, principal,
                organisation, granted, clock.instant(), actor, null, null))) {
            reloadNow();
            throw new AccessException(AccessError.API_KEY_EXISTS, "there is an API key '" + keyId + "' already");
        }
        reloadNow();
        return new IssuedKey(key(keyId).orElseThrow(), secret);
    }

    /** Refuses the key from now on; a configured one stays refused while it is configured with this secret. */
    @Override
    public synchronized KeyEntry revoke(String id, String actor, ChangeLog changes) {
        requireStore();
        KeyEntry key = key(id).orElseThrow(() -> new AccessException(AccessError.API_KEY_NOT_FOUND,
                "there is no API key '" + id + "'"));
        if (!key.active()) {
            throw new AccessException(AccessError.API_KEY_REVOKED, "API key '" + id + "' is revoked already");
        }
        changes.beforeChange(AuditAction.PERMISSION_CHANGE, "api-key:" + id, "revoked, was " + key.principal()
                + (key.organisation() == null ? "" : " of " + key.organisation()) + " with roles " + key.roles()
                + " (" + key.source().name().toLowerCase(Locale.ROOT) + ")");
        Instant now = clock.instant();
        boolean done;
        if (key.source() == Source.DATABASE) {
            done = store.revokeIssued(id, now, actor);
        } else {
            Configured c = state.configuredKeys().get(id);
            done = store.insertKey(new AccessStore.KeyRow(id, c.hash(), AccessStore.Origin.CONFIGURATION,
                    key.principal(), key.organisation(), key.roles(), null, null, now, actor));
        }
        reloadNow();
        if (!done) {
            throw new AccessException(AccessError.API_KEY_REVOKED, "API key '" + id + "' is revoked already");
        }
        return key(id).orElseThrow();
    }

    // --- state --------------------------------------------------------------------------------------------

    private State current() {
        if (store != null) {
            long now = clock.millis();
            long due = nextReload.get();
            if (now >= due && nextReload.compareAndSet(due, now + reloadMillis)) {
                try {
                    state = load();
                } catch (RuntimeException e) {
                    // The last state stays; a change made elsewhere waits for the next reload.
                    log.warn("Access control changes not reloaded, using those read before: {}", e.getMessage());
                }
            }
        }
        return state;
    }

    /** Reads the store again now, as at a start. */
    @Override
    public synchronized void reload() {
        reloadNow();
    }

    private void reloadNow() {
        state = load();
        nextReload.set(clock.millis() + reloadMillis);
    }

    private State load() {
        List<AccessStore.OwnerRow> ownerRows = store == null ? List.of() : store.owners();
        List<AccessStore.KeyRow> keyRows = store == null ? List.of() : store.keys();

        Map<String, OwnerEntry> owners = new TreeMap<>();
        configured.keyOwners().forEach((alias, o) -> owners.put(alias,
                new OwnerEntry(o.person(), o.organisation(), Source.CONFIGURATION, null, null)));
        for (AccessStore.OwnerRow r : ownerRows) {
            SecuritySettings.KeyOwner o = r.owner();
            owners.put(r.alias(), new OwnerEntry(o == null ? null : o.person(), o == null ? null : o.organisation(),
                    Source.DATABASE, r.changedAt(), r.changedBy()));
        }
        Map<String, SecuritySettings.KeyOwner> bound = new LinkedHashMap<>();
        owners.forEach((alias, e) -> {
            if (e.bound()) {
                bound.put(alias, e.owner());
            }
        });

        List<KeyEntry> keys = new ArrayList<>();
        List<Active> active = new ArrayList<>();
        Map<String, Configured> configuredKeys = new LinkedHashMap<>();
        for (SecuritySettings.ApiKey k : configured.apiKeys()) {
            String hash = k.keyHash().toLowerCase(Locale.ROOT);
            AccessStore.KeyRow revocation = keyRows.stream().filter(r -> r.origin() == AccessStore.Origin.CONFIGURATION
                    && r.id().equals(k.id()) && r.keyHash().equalsIgnoreCase(hash) && r.revoked())
                    .findFirst().orElse(null);
            keys.add(new KeyEntry(k.id(), k.principal(), blankToNull(k.organisation()), inOrder(k.roles()),
                    Source.CONFIGURATION, null, null, revocation == null ? null : revocation.revokedAt(),
                    revocation == null ? null : revocation.revokedBy()));
            configuredKeys.putIfAbsent(k.id(), new Configured(k, hash));
            if (revocation == null) {
                active.add(new Active(HexFormat.of().parseHex(hash), k));
            }
        }
        for (AccessStore.KeyRow r : keyRows) {
            if (r.origin() != AccessStore.Origin.DATABASE) {
                continue;
            }
            keys.add(new KeyEntry(r.id(), r.principal(), r.organisation(), inOrder(r.roles()), Source.DATABASE,
                    r.issuedAt(), r.issuedBy(), r.revokedAt(), r.revokedBy()));
            if (!r.revoked() && !r.roles().isEmpty()) {
                active.add(new Active(HexFormat.of().parseHex(r.keyHash()),
                        new SecuritySettings.ApiKey(r.id(), r.keyHash(), r.principal(), r.organisation(), r.roles())));
            }
        }
        return new State(Collections.unmodifiableMap(owners), Collections.unmodifiableMap(bound), List.copyOf(keys),
                List.copyOf(active), Collections.unmodifiableMap(configuredKeys));
    }

    private void requireStore() {
        if (store == null) {
            throw AccessException.noStore();
        }
    }

    private String generatedId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "key-" + HexFormat.of().formatHex(bytes);
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return "kyso_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The roles in their declared order, so that details and answers read the same every time. */
    private static Set<Role> inOrder(Set<Role> roles) {
        return roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
