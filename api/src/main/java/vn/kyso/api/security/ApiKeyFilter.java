package vn.kyso.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine clients by {@code X-Kyso-Api-Key}. Only hashes are configured, compared in
 * constant time. A key that matches nothing is refused at once (401) rather than treated as anonymous,
 * so a client with a revoked key learns it even on a public endpoint.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Kyso-Api-Key";
    static final String UNKNOWN_KEY = "unknown API key";

    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private record Entry(byte[] hash, SecuritySettings.ApiKey key) {
    }

    private final List<Entry> keys;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiKeyFilter(List<SecuritySettings.ApiKey> keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys.stream()
                .map(k -> new Entry(HexFormat.of().parseHex(k.keyHash().toLowerCase(Locale.ROOT)), k))
                .toList();
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
        SecuritySettings.ApiKey key = find(secret.strip());
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

    /** Looks at every entry whatever matches, so the time taken says nothing about which key is close. */
    private SecuritySettings.ApiKey find(String secret) {
        byte[] hash = sha256(secret);
        SecuritySettings.ApiKey found = null;
        for (Entry e : keys) {
            if (MessageDigest.isEqual(e.hash(), hash)) {
                found = e.key();
            }
        }
        return found;
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
