package vn.kyso.api.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import vn.kyso.access.Role;

/**
 * Read access to {@link AccessRules} for the OpenAPI description, so the security each operation documents
 * is the table the filters enforce, not a second list.
 */
public final class AccessMatrix {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private AccessMatrix() {
    }

    /**
     * The roles that may call an operation, empty for a public one; empty Optional when no rule matches
     * (the request is refused).
     *
     * @param path an OpenAPI path template such as {@code /api/v1/records/{id}}
     */
    public static Optional<Set<Role>> rolesFor(HttpMethod method, String path) {
        return AccessRules.RULES.stream()
                .filter(r -> r.method() == null || r.method().equals(method))
                .filter(r -> PATHS.match(r.pattern(), path))
                .findFirst()
                .map(AccessRules.Rule::roles);
    }
}
