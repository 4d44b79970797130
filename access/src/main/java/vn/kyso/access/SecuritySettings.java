package vn.kyso.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of access control, under {@code kyso.security}. Nothing here is a secret: API keys are
 * configured by the SHA-256 of their secret, never the secret.
 *
 * @param enabled   false only for local development and the test suite: every request is then let through
 *                  with every role, and the {@code X-Kyso-Actor} header names the actor
 * @param jwt       OIDC bearer tokens; off while neither URI is set
 * @param apiKeys   machine clients; the administrator may revoke them and issue more (docs/security.md)
 * @param keyOwners HSM key alias → its owner; a key without an owner can be used by nobody. The
 *                  administrator's bindings, kept in the database, override these
 * @param reloadInterval how often the administrator's changes are read back from the database, so that
 *                  every instance of the service sees a change made through another one
 * @param unauthenticatedAudit how requests refused for want of credentials are written to the audit trail
 */
@Validated
@ConfigurationProperties("kyso.security")
public record SecuritySettings(
        @DefaultValue("true") boolean enabled,
        @Valid @NotNull @DefaultValue Jwt jwt,
        @Valid List<ApiKey> apiKeys,
        @Valid Map<String, KeyOwner> keyOwners,
        @NotNull @DefaultValue("30s") Duration reloadInterval,
        @Valid @NotNull @DefaultValue UnauthenticatedAudit unauthenticatedAudit) {

    @ConstructorBinding
    public SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        keyOwners = keyOwners == null ? Map.of() : Map.copyOf(keyOwners);
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(30) : reloadInterval;
        unauthenticatedAudit = unauthenticatedAudit == null ? UnauthenticatedAudit.DEFAULTS : unauthenticatedAudit;
    }

    /** With the defaults for the rest. */
    public SecuritySettings(boolean enabled, Jwt jwt, List<ApiKey> apiKeys, Map<String, KeyOwner> keyOwners) {
        this(enabled, jwt, apiKeys, keyOwners, null, null);
    }

    /** These settings with more API keys and key owners; the configured owner of a key wins. */
    public SecuritySettings with(AccessGrants grants) {
        List<ApiKey> keys = new ArrayList<>(apiKeys);
        keys.addAll(grants.apiKeys());
        Map<String, KeyOwner> owners = new HashMap<>(grants.keyOwners());
        owners.putAll(keyOwners);
        return new SecuritySettings(enabled, jwt, keys, owners, reloadInterval, unauthenticatedAudit);
    }

    /**
     * Requests refused with 401 come from anyone, so writing each to the audit trail would let a flood of
     * them grow the chain without limit. Within each window, only the first 401 of each client is written,
     * and at most {@code entriesPerWindow} of those; the rest are counted and written as one summary entry
     * when the window ends. Refusals of authenticated callers (403) are always written.
     *
     * @param window           the period over which 401s are counted
     * @param entriesPerWindow 401s written one by one per window, each from another client
     * @param maxClients       clients told apart per window; beyond, 401s are only counted
     */
    public record UnauthenticatedAudit(
            @NotNull @DefaultValue("1m") Duration window,
            @Min(0) @Max(10_000) @DefaultValue("20") int entriesPerWindow,
            @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxClients) {

        public static final UnauthenticatedAudit DEFAULTS = new UnauthenticatedAudit(Duration.ofMinutes(1), 20, 10_000);

        public UnauthenticatedAudit {
            if (window == null || window.isZero() || window.isNegative()) {
                throw new IllegalArgumentException("the window must be positive");
            }
        }
    }

    /**
     * Standard resource-server validation of JWT access tokens (signature, expiry, issuer).
     *
     * @param issuerUri         the OIDC issuer; its discovery document gives the keys, read at the first token
     * @param jwkSetUri         the keys directly, when the issuer has no discovery document
     * @param rolesClaim        where the roles are; a dotted path reaches into objects (Keycloak:
     *                          {@code realm_access.roles}); a list or a space-separated string
     * @param organisationClaim the organisation the person or system acts for
     */
    public record Jwt(
            URI issuerUri,
            URI jwkSetUri,
            @NotBlank @DefaultValue("roles") String rolesClaim,
            @NotBlank @DefaultValue("organisation") String organisationClaim) {

        public boolean configured() {
            return issuerUri != null || jwkSetUri != null;
        }
    }

    /**
     * A machine client's key. The client sends the secret in {@code X-Kyso-Api-Key}; we keep its hash.
     *
     * @param id           names the key in logs and the audit trail's detail
     * @param keyHash      SHA-256 of the secret, 64 hex digits ({@code printf %s "$SECRET" | sha256sum})
     * @param principal    the client's identity, the actor of its requests
     * @param organisation the organisation it acts for, or empty
     * @param roles        what it may do
     */
    public record ApiKey(
            @NotBlank String id,
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the SHA-256 of the secret, in hex")
            String keyHash,
            @NotBlank String principal,
            String organisation,
            @NotEmpty Set<Role> roles) {
    }

    /**
     * The owner of an HSM key: exactly one of a person or an organisation.
     *
     * @param person       the principal ({@code sub}) of the only person who may sign with it, as SIGNER
     * @param organisation the organisation whose CLERKs may sign with it
     */
    public record KeyOwner(String person, String organisation) {

        public KeyOwner {
            boolean hasPerson = person != null && !person.isBlank();
            boolean hasOrganisation = organisation != null && !organisation.isBlank();
            if (hasPerson == hasOrganisation) {
                throw new IllegalArgumentException("a key owner is either a person or an organisation");
            }
            person = hasPerson ? person.strip() : null;
            organisation = hasOrganisation ? organisation.strip() : null;
        }

        public static KeyOwner person(String principal) {
            return new KeyOwner(principal, null);
        }

        public static KeyOwner organisation(String id) {
            return new KeyOwner(null, id);
        }
    }
}
