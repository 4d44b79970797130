package vn.kyso.api.security;

import static vn.kyso.access.Role.ADMINISTRATOR;
import static vn.kyso.access.Role.ARCHIVIST;
import static vn.kyso.access.Role.AUDITOR;
import static vn.kyso.access.Role.CLERK;
import static vn.kyso.access.Role.EXCHANGE_SYSTEM;
import static vn.kyso.access.Role.MONITOR;
import static vn.kyso.access.Role.SIGNER;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import vn.kyso.access.Role;

/**
 * Who may call what: the whole authorisation matrix in one table (docs/security.md prints it). The first
 * matching rule decides; a request no rule matches is refused, so a new endpoint is closed until it is
 * added here. Which key a signer may use is decided afterwards, per request, by {@link KeyOwnership}.
 */
final class AccessRules {

    /**
     * One line of the matrix.
     *
     * @param method  null for any method
     * @param pattern a Spring path pattern
     * @param roles   who may; empty for everyone, without authentication
     */
    record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;

    static final List<Rule> RULES = List.of(
            // Public: citizens verify documents, monitors probe health, integrators read the API docs.
            open(GET, "/verify"),
            open(GET, "/verify/**"),
            // The pages' shared stylesheet, script and icon: a page anyone may open must look right for
            // everyone, and these hold nothing but layout and helpers.
            open(GET, "/assets/**"),
            open(POST, "/api/v1/validations"),
            open(POST, "/api/v1/validations/signed-revision"),
            open(POST, "/api/v1/issued-documents/*/comparison"),
            open(GET, "/api/v1/issued-documents/*"),
            open(GET, "/api/v1/issued-documents/*/original"),
            open(GET, "/actuator/health"),
            open(GET, "/actuator/health/**"),
            open(GET, "/actuator/info"),
            open(GET, "/v3/api-docs"),
            open(GET, "/v3/api-docs/**"),
            open(GET, "/swagger-ui.html"),
            open(GET, "/swagger-ui/**"),
            // Signing. Which keys: KeyOwnership (a person's key → that SIGNER; an organisation's → its CLERKs).
            rule(GET, "/api/v1/keys", SIGNER, CLERK),
            rule(POST, "/api/v1/signatures", SIGNER, CLERK),
            rule(POST, "/api/v1/signatures/batch", SIGNER, CLERK),
            rule(POST, "/api/v1/signatures/containers", SIGNER, CLERK),
            rule(POST, "/api/v1/signatures/qr-codes", SIGNER, CLERK),
            // Remote signing: the key is on the caller's own device, so there is no HSM key to check.
            rule(POST, "/api/v1/signatures/prepare", SIGNER, CLERK),
            rule(POST, "/api/v1/signatures/*/complete", SIGNER, CLERK),
            rule(POST, "/api/v1/conversions", CLERK, SIGNER, ARCHIVIST),
            // Archive: documents come in from clerks and the exchange; only archivists read and manage them.
            rule(POST, "/api/v1/records", CLERK, ARCHIVIST, EXCHANGE_SYSTEM),
            rule(GET, "/api/v1/records", ARCHIVIST),
            rule(GET, "/api/v1/records/**", ARCHIVIST),
            rule(GET, "/api/v1/files/**", ARCHIVIST),
            // Files (hồ sơ): the clerk who keeps a file opens, fills and closes it; archivists too.
            rule(POST, "/api/v1/files", CLERK, ARCHIVIST),
            rule(POST, "/api/v1/files/**", CLERK, ARCHIVIST),
            rule(PUT, "/api/v1/records/*/legal-hold", ARCHIVIST),
            rule(null, "/api/v1/disposal-lists", ARCHIVIST),
            rule(null, "/api/v1/disposal-lists/**", ARCHIVIST),
            rule(null, "/api/v1/archive-jobs", ARCHIVIST),
            rule(null, "/api/v1/archive-jobs/**", ARCHIVIST),
            rule(GET, "/archive", ARCHIVIST),
            rule(GET, "/archive/**", ARCHIVIST),
            // The clerk's letters: clerks upload and issue (organisation key), authorised persons sign
            // (their own key); KeyOwnership checks the key as for /api/v1/signatures.
            rule(POST, "/api/v1/letters", CLERK),
            rule(POST, "/api/v1/letters/*/signature", SIGNER),
            rule(POST, "/api/v1/letters/*/issue", CLERK),
            // Each sees only its own organisation's letters (LettersController); archivists read them too.
            rule(GET, "/api/v1/letters", CLERK, SIGNER, ARCHIVIST),
            rule(GET, "/api/v1/letters/**", CLERK, SIGNER, ARCHIVIST),
            rule(GET, "/letters", CLERK, SIGNER, ARCHIVIST),
            rule(GET, "/letters/**", CLERK, SIGNER, ARCHIVIST),
            rule(POST, "/api/v1/exchange/**", EXCHANGE_SYSTEM, CLERK),
            rule(null, "/api/v1/audit/**", AUDITOR),
            // The administrator reads and changes key owners and API keys; nothing about documents.
            rule(null, "/api/v1/admin/**", ADMINISTRATOR),
            // Metrics hold no document, but they show the agency's activity: Prometheus's own credential only.
            rule(GET, "/actuator/prometheus", MONITOR),
            // Who the caller is, for the pages' header: anyone may ask, the anonymous get "anonymous".
            open(GET, "/api/v1/me"),
            // The authorised person signs a letter from their own token: no HSM key, the letter's owner checked.
            rule(POST, "/api/v1/letters/*/signature/prepare", SIGNER),
            rule(POST, "/api/v1/letters/*/signature/*/complete", SIGNER));

    private AccessRules() {
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Set.of());
    }

    private static Rule rule(HttpMethod method, String pattern, Role first, Role... more) {
        return new Rule(method, pattern, Set.copyOf(EnumSet.of(first, more)));
    }
}
