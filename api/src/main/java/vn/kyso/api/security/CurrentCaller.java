package vn.kyso.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.kyso.access.Caller;

/**
 * Whatever authenticated the request reduced to the {@link Caller} controllers see: the caller of an API
 * key, a bearer token or the development header as it is, a person logged in on the pages through the
 * claims of their ID token (the bearer token's mapping, {@link JwtCallers}).
 */
final class CurrentCaller {

    private final boolean enabled;
    private final JwtCallers claims;

    CurrentCaller(boolean enabled, JwtCallers claims) {
        this.enabled = enabled;
        this.claims = claims;
    }

    Caller of(Authentication auth) {
        if (auth instanceof CallerAuthentication c) {
            return c.caller();
        }
        if (auth instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser person) {
            return claims.caller(person.getSubject(), person.getClaims());
        }
        return enabled ? new Caller(null, null, null) : Caller.unrestricted(null);
    }

    /** The person's name as the identity provider gives it; else the caller's id. */
    String displayName(Authentication auth) {
        if (auth instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser person) {
            if (person.getFullName() != null && !person.getFullName().isBlank()) {
                return person.getFullName();
            }
            if (person.getPreferredUsername() != null && !person.getPreferredUsername().isBlank()) {
                return person.getPreferredUsername();
            }
        }
        return of(auth).principal();
    }

    /** Whether the request was authenticated by a session the pages' login opened. */
    static boolean loggedIn(Authentication auth) {
        return auth instanceof OAuth2AuthenticationToken;
    }
}
