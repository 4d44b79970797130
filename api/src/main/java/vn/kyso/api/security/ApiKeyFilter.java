package vn.kyso.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.access.SecuritySettings;

/**
 * Authenticates machine clients by {@code X-Kyso-Api-Key} against the active keys of {@link AccessControl}
 * (configured or issued by the administrator, not revoked), known by hash only. A key that matches nothing
 * is refused at once (401) rather than treated as anonymous, so a client with a revoked key learns it even
 * on a public endpoint.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kyso-Api-Key";
    static final String UNKNOWN_KEY = "unknown API key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final AccessControl access;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(AccessControl access, AuthenticationEntryPoint entryPoint) {
        this.access = access;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader(HEADER);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        SecuritySettings.ApiKey key = access.authenticate(secret.strip()).orElse(null);
        if (key == null) {
            log.warn("Unknown API key from {} on {} {}", request.getRemoteAddr(), request.getMethod(),
                    request.getRequestURI());
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException(UNKNOWN_KEY));
            return;
        }
        Caller caller = new Caller(key.principal(), key.organisation(), key.roles());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller, "api-key:" + key.id()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
