package vn.kyso.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security disabled only: the {@code X-Kyso-Actor} header names the actor, with every role. With security
 * enabled this filter is not installed, so the header is ignored and nobody can pick their own name.
 */
final class ActorHeaderFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kyso-Actor";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String actor = request.getHeader(HEADER);
        if (actor == null || actor.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(Caller.unrestricted(actor), "header"));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
