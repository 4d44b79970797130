package vn.kyso.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.api.audit.AuditTrail;
import vn.kyso.api.error.ApiException;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.SigningService;
import vn.kyso.access.AccessControl;
import vn.kyso.access.AccessError;
import vn.kyso.access.AccessException;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;

/**
 * The administrator's view and changes of access control: who owns which HSM key, and which API keys open
 * the service. Every change is written to the audit trail before it is made (KEY_CHANGE, PERMISSION_CHANGE)
 * and refused if it cannot be; refused attempts are written by the audit interceptor. Nothing here touches
 * a document. A new API key's secret is made here, shown once in the answer and kept only as its hash.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Key owners and API keys; needs ADMINISTRATOR")
class AdminController {

    /** Principals, organisations: a token's sub, an e-mail address, an agency code; no spaces. */
    static final Pattern NAME = Pattern.compile("[^\\s\\p{Cntrl}]{1,128}");
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final AccessControl access;
    private final ObjectProvider<SigningService> signing;
    private final ObjectProvider<AuditTrail> trail;

    AdminController(AccessControl access, ObjectProvider<SigningService> signing, ObjectProvider<AuditTrail> trail) {
        this.access = access;
        this.signing = signing;
        this.trail = trail;
    }

    // --- shapes ---------------------------------------------------------------------------------------------

    /** An HSM key's owner; neither person nor organisation when the administrator removed it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyOwnerView(String alias, String person, String organisation, AccessControl.Source source,
            Instant changedAt, String changedBy) {

        static KeyOwnerView of(String alias, AccessControl.OwnerEntry e) {
            return new KeyOwnerView(alias, e.person(), e.organisation(), e.source(), e.changedAt(), e.changedBy());
        }
    }

    /** Exactly one of the two. */
    record OwnerRequest(String person, String organisation) {
    }

    /** An API key without its secret or hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyView(String id, String principal, String organisation, Set<Role> roles, boolean active,
            AccessControl.Source source, Instant issuedAt, String issuedBy, Instant revokedAt, String revokedBy) {

        static ApiKeyView of(AccessControl.KeyEntry k) {
            return new ApiKeyView(k.id(), k.principal(), k.organisation(), k.roles(), k.active(), k.source(),
                    k.issuedAt(), k.issuedBy(), k.revokedAt(), k.revokedBy());
        }
    }

    /**
     * @param id    names the key in logs and the audit trail; generated when absent
     * @param roles at least one of CLERK, SIGNER, ARCHIVIST, EXCHANGE_SYSTEM, ADMINISTRATOR, AUDITOR
     */
    record KeyRequest(String id, String principal, String organisation, List<String> roles) {
    }

    /** The answer to an issue: the key, and its secret, shown this once and never again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IssuedKeyView(String id, String principal, String organisation, Set<Role> roles, Instant issuedAt,
            String issuedBy, String header, String secret) {
    }

    // --- key owners -----------------------------------------------------------------------------------------

    @GetMapping("/key-owners")
    @Operation(summary = "Who owns which HSM key",
            description = "Each key alias with its owner: a person (principal) or an organisation, and whether "
                    + "that comes from the configuration or from the administrator (the database, which wins). "
                    + "An entry with neither person nor organisation was unbound by the administrator.")
    @ProblemCodes("ACCESS_STORE_UNAVAILABLE")
    ResponseEntity<Map<String, KeyOwnerView>> keyOwners() {
        Map<String, KeyOwnerView> owners = new LinkedHashMap<>();
        access.ownerEntries().forEach((alias, e) -> owners.put(alias, KeyOwnerView.of(alias, e)));
        return noStore(owners);
    }

    // No "consumes": a request with another content type then reaches the handler, whose 415 is audited.
    @PutMapping("/key-owners/{alias}")
    @Operation(summary = "Bind an HSM key to its owner",
            description = "Body `{\"person\": \"<principal>\"}` (only that person may sign with it, as SIGNER) or "
                    + "`{\"organisation\": \"<id>\"}` (only that organisation's CLERKs). Replaces the configured "
                    + "owner, also after a restart. Unknown key: 404 KEY_NOT_FOUND. Audited as KEY_CHANGE.")
    @ProblemCodes({"KEY_NOT_FOUND", "ACCESS_STORE_UNAVAILABLE", "AUDIT_UNAVAILABLE", "UNSUPPORTED_MEDIA_TYPE"})
    ResponseEntity<KeyOwnerView> bind(@PathVariable String alias, @RequestBody OwnerRequest body,
            @Parameter(hidden = true) Caller caller) {
        return refusing(() -> {
            SecuritySettings.KeyOwner owner = validated(body);
            requireKey(alias);
            AccessControl.OwnerEntry e = access.bind(alias, owner, caller.actor(), changes(caller));
            log.info("Key owner changed by {}: {} -> {}", caller.actor(), alias, e.describe());
            return noStore(KeyOwnerView.of(alias, e));
        });
    }

    @DeleteMapping("/key-owners/{alias}")
    @Operation(summary = "Unbind an HSM key from its owner",
            description = "Nobody may sign with the key afterwards, whatever the configuration says, until it is "
                    + "bound again. A key without an owner: 404 KEY_OWNER_NOT_FOUND. Audited as KEY_CHANGE.")
    @ProblemCodes({"KEY_OWNER_NOT_FOUND", "ACCESS_STORE_UNAVAILABLE", "AUDIT_UNAVAILABLE"})
    ResponseEntity<KeyOwnerView> unbind(@PathVariable String alias, @Parameter(hidden = true) Caller caller) {
        return refusing(() -> {
            AccessControl.OwnerEntry e = access.unbind(alias, caller.actor(), changes(caller));
            log.info("Key owner removed by {}: {}", caller.actor(), alias);
            return noStore(KeyOwnerView.of(alias, e));
        });
    }

    // --- API keys -------------------------------------------------------------------------------------------

    @GetMapping("/api-keys")
    @Operation(summary = "The API keys", description = "Configured and issued, active and revoked; never a secret "
            + "nor its hash.")
    @ProblemCodes("ACCESS_STORE_UNAVAILABLE")
    ResponseEntity<List<ApiKeyView>> apiKeys() {
        return noStore(access.keys().stream().map(ApiKeyView::of).toList());
    }

    @GetMapping("/api-keys/{id}")
    @Operation(summary = "One API key", description = "Without its secret or hash.")
    @ProblemCodes({"API_KEY_NOT_FOUND", "ACCESS_STORE_UNAVAILABLE"})
    ResponseEntity<ApiKeyView> apiKey(@PathVariable String id) {
        return noStore(access.key(id).map(ApiKeyView::of).orElseThrow(() -> new AccessException(
                AccessError.API_KEY_NOT_FOUND, "there is no API key '" + id + "'")));
    }

    @PostMapping("/api-keys")
    @Operation(summary = "Issue an API key",
            description = "Body `{\"id\": \"edoc-ubnd\", \"principal\": \"edoc-ubnd-binh-an\", \"organisation\": "
                    + "\"000.00.00.H99\", \"roles\": [\"EXCHANGE_SYSTEM\"]}` (id optional). The secret is made by "
                    + "the service and is in this answer only: store it at once; the service keeps its SHA-256. "
                    + "The client sends it as `X-Kyso-Api-Key`. An id in use or used before: 409 API_KEY_EXISTS. "
                    + "Audited as PERMISSION_CHANGE.")
    @ProblemCodes({"API_KEY_EXISTS", "ACCESS_STORE_UNAVAILABLE", "AUDIT_UNAVAILABLE", "UNSUPPORTED_MEDIA_TYPE"})
    ResponseEntity<IssuedKeyView> issue(@RequestBody KeyRequest body, @Parameter(hidden = true) Caller caller) {
        return refusing(() -> {
            KeyRequest k = validated(body);
            if (k.id() != null) {
                AuditNotes.target("api-key:" + k.id());
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            k.roles().forEach(r -> roles.add(Role.parse(r).orElseThrow()));
            AccessControl.IssuedKey issued = access.issue(k.id(), k.principal(), k.organisation(), roles,
                    caller.actor(), changes(caller));
            AccessControl.KeyEntry key = issued.key();
            log.info("API key {} issued by {} to {} with roles {}", key.id(), caller.actor(), key.principal(),
                    key.roles());
            return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + key.id()))
                    .cacheControl(CacheControl.noStore())
                    .body(new IssuedKeyView(key.id(), key.principal(), key.organisation(), key.roles(),
                            key.issuedAt(), key.issuedBy(), ApiKeyFilter.HEADER, issued.secret()));
        });
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(summary = "Revoke an API key",
            description = "Refused with 401 from now on. A configured key stays revoked after a restart, as long "
                    + "as the configuration gives it the same secret. Revoked already: 409 API_KEY_REVOKED. "
                    + "Audited as PERMISSION_CHANGE.")
    @ProblemCodes({"API_KEY_NOT_FOUND", "API_KEY_REVOKED", "ACCESS_STORE_UNAVAILABLE", "AUDIT_UNAVAILABLE"})
    ResponseEntity<ApiKeyView> revoke(@PathVariable String id, @Parameter(hidden = true) Caller caller) {
        return refusing(() -> {
            AccessControl.KeyEntry key = access.revoke(id, caller.actor(), changes(caller));
            log.info("API key {} of {} revoked by {}", key.id(), key.principal(), caller.actor());
            return noStore(ApiKeyView.of(key));
        });
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private AccessControl.ChangeLog changes(Caller caller) {
        AuditTrail t = trail.getIfAvailable();
        return (action, target, detail) -> {
            if (t != null) {
                t.beforeChange(caller.actor(), action, target, detail);
            }
        };
    }

    /** Puts the reason of a refusal in the audit entry the interceptor writes for the request. */
    private static <T> T refusing(Supplier<T> change) {
        try {
            return change.get();
        } catch (AccessException | ApiException e) {
            AuditNotes.note(e.getMessage());
            throw e;
        }
    }

    private void requireKey(String alias) {
        SigningService service = ApiException.required(signing, "this server signs with no HSM keys");
        if (service.keys().stream().map(KeyInfo::id).noneMatch(alias::equals)) {
            throw new AccessException(AccessError.KEY_NOT_FOUND, "there is no HSM key '" + alias + "'");
        }
    }

    static SecuritySettings.KeyOwner validated(OwnerRequest body) {
        List<AccessException.FieldError> errors = new ArrayList<>();
        String person = name(body.person(), "person", false, errors);
        String organisation = name(body.organisation(), "organisation", false, errors);
        if (errors.isEmpty() && person == null && organisation == null) {
            errors.add(new AccessException.FieldError("person", "give a person or an organisation"));
        } else if (errors.isEmpty() && person != null && organisation != null) {
            errors.add(new AccessException.FieldError("organisation",
                    "give either a person or an organisation, not both"));
        }
        if (!errors.isEmpty()) {
            throw AccessException.invalid(errors);
        }
        return new SecuritySettings.KeyOwner(person, organisation);
    }

    static KeyRequest validated(KeyRequest body) {
        List<AccessException.FieldError> errors = new ArrayList<>();
        String id = body.id() == null || body.id().isBlank() ? null : body.id().strip();
        if (id != null && !KEY_ID.matcher(id).matches()) {
            errors.add(new AccessException.FieldError("id",
                    "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        String principal = name(body.principal(), "principal", true, errors);
        String organisation = name(body.organisation(), "organisation", false, errors);
        List<String> roles = body.roles() == null ? List.of() : body.roles();
        if (roles.isEmpty()) {
            errors.add(new AccessException.FieldError("roles", "at least one role is required"));
        }
        for (int i = 0; i < roles.size(); i++) {
            if (Role.parse(roles.get(i)).isEmpty()) {
                errors.add(new AccessException.FieldError("roles", "roles[" + i + "] is not one of "
                        + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "))));
            }
        }
        if (!errors.isEmpty()) {
            throw AccessException.invalid(errors);
        }
        return new KeyRequest(id, principal, organisation, roles);
    }

    /** The value stripped, or null if absent; an error if required and absent, or not a name. */
    private static String name(String value, String field, boolean required,
            List<AccessException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new AccessException.FieldError(field, "is required"));
            }
            return null;
        }
        String v = value.strip();
        if (!NAME.matcher(v).matches()) {
            errors.add(new AccessException.FieldError(field, "1 to 128 characters without spaces or control "
                    + "characters"));
            return null;
        }
        return v;
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
