package vn.kyso.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.signing.OrganisationNames;

/**
 * Who the caller is, for the pages' header: the name, the organisation, the roles (what they may do) and,
 * for a person logged in on the pages, how to log out and the session's CSRF token their changes carry.
 */
@RestController
@Tag(name = "Access")
class MeController {

    /**
     * The caller.
     *
     * @param principal    the id ({@code sub} of the token, the API key's principal); {@code anonymous} when
     *                     nobody is logged in
     * @param name         the person's name as the identity provider gives it, else the id
     * @param organisation the organisation they act for, or null
     * @param roles        what they may do
     * @param loggedIn     whether a session of the pages' login authenticated the request
     * @param logout       where a logged-in person logs out (POST, with the CSRF token), else null
     * @param csrf         the token a logged-in person's changes carry, else null
     * @param organisationName the organisation's name for the pages to show instead of its code, or null when no
     *                     configuration names it ({@link OrganisationNames})
     */
    record Me(String principal, String name, String organisation, List<Role> roles, boolean loggedIn,
            String logout, Csrf csrf, String organisationName) {
    }

    /** The header (for fetch) or form field (for a form) that carries the token. */
    record Csrf(String headerName, String parameterName, String token) {
    }

    private final CurrentCaller callers;
    private final ObjectProvider<OrganisationNames> names;

    MeController(CurrentCaller callers, ObjectProvider<OrganisationNames> names) {
        this.callers = callers;
        this.names = names;
    }

    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "whoAmI", summary = "Who the caller is",
            description = "The caller's id, name, organisation and roles; for a person logged in on the pages also "
                    + "the log-out address and the CSRF token that their changes must carry (header or form field). "
                    + "Anyone may ask: without credentials the answer is `anonymous` with no roles.")
    @ProblemCodes({})
    Me me(HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = callers.of(auth);
        boolean loggedIn = CurrentCaller.loggedIn(auth);
        Csrf csrf = null;
        // Only for a session: asking an anonymous request for its token would open a session for it.
        if (loggedIn && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            csrf = new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
        }
        return new Me(caller.principal(), callers.displayName(auth), caller.organisation(),
                caller.roles().stream().sorted().toList(), loggedIn, loggedIn ? PersonLogin.LOGOUT : null, csrf,
                organisationName(caller.organisation()));
    }

    private String organisationName(String organisation) {
        OrganisationNames n = names.getIfAvailable();
        return n == null ? null : n.nameOf(organisation);
    }
}
