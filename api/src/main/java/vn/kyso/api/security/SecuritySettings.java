package vn.kyso.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of access control, under {@code kyso.security}. Nothing here is a secret: API keys are
 * configured by the SHA-256 of their secret, never the secret.
 *
 * @param enabled   false only for local development and the test suite: every request is then let through
 *                  with every role, and the {@code X-Kyso-Actor} header names the actor
 * @param jwt       OIDC bearer tokens; off while neither URI is set
 * @param apiKeys   machine clients
 * @param keyOwners HSM key alias → its owner; a key not listed here can be used by nobody
 */
@Validated
@ConfigurationProperties("kyso.security")
public record SecuritySettings(
        @DefaultValue("true") boolean enabled,
        @Valid @NotNull @DefaultValue Jwt jwt,
        @Valid List<ApiKey> apiKeys,
        @Valid Map<String, KeyOwner> keyOwners) {

    public SecuritySettings {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        keyOwners = keyOwners == null ? Map.of() : Map.copyOf(keyOwners);
    }

    /** These settings with more API keys and key owners; the configured owner of a key wins. */
    SecuritySettings with(AccessGrants grants) {
        List<ApiKey> keys = new ArrayList<>(apiKeys);
        keys.addAll(grants.apiKeys());
        Map<String, KeyOwner> owners = new HashMap<>(grants.keyOwners());
        owners.putAll(keyOwners);
        return new SecuritySettings(enabled, jwt, keys, owners);
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

        boolean configured() {
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
