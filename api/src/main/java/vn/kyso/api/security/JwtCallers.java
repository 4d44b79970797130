package vn.kyso.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;

/** A validated access token → the caller: {@code sub}, the organisation claim and the roles claim. */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String organisationClaim;

    JwtCallers(SecuritySettings.Jwt settings) {
        this.rolesClaim = settings.rolesClaim();
        this.organisationClaim = settings.organisationClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new CallerAuthentication(caller(jwt.getSubject(), jwt.getClaims()), "jwt");
    }

    /**
     * The caller named by a token's claims; the same mapping for a bearer token and for the ID token of a
     * person logged in on the pages, so both are the same caller with the same rights.
     */
    Caller caller(String subject, Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(claim(claims, rolesClaim))) {
            Role.parse(name).ifPresent(roles::add);
        }
        Object organisation = claim(claims, organisationClaim);
        return new Caller(subject, organisation instanceof String s ? s : null, roles);
    }

    /** Follows a dotted path through nested objects, as Keycloak's {@code realm_access.roles}. */
    static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.addAll(List.of(s.trim().split("[\\s,]+")));
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
