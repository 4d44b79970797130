package vn.kyso.api.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.RateLimitedException;

/**
 * Applies {@code kyso.api.rate-limit} to the public endpoints. A filter rather than an interceptor so
 * that a refused request is answered before its upload is parsed. The 429 goes through the MVC exception
 * resolvers, so it is the same problem body every other error has.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after RequestLogFilter, so refusals are logged too
class RateLimitFilter extends OncePerRequestFilter {

    /** The anonymous endpoints; the verification page posts here too. */
    static final String PUBLIC_PREFIX = "/api/v1/validations";
    static final String ISSUED_PREFIX = "/api/v1/issued-documents";

    // Decodes and drops ";params" and "//" as Spring's own matching does, so no spelling of the path escapes.
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final boolean enabled;
    private final boolean trustForwardedFor;
    private final TokenBuckets buckets;
    private final TokenBuckets clientBuckets;
    private final boolean perClient;
    private final HandlerExceptionResolver problems;

    RateLimitFilter(ApiSettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            ObjectProvider<RateLimitTicker> ticker) {
        ApiSettings.RateLimit limit = settings.rateLimit();
        RateLimitTicker time = ticker.getIfAvailable(() -> System::nanoTime);
        this.enabled = limit.enabled();
        this.trustForwardedFor = settings.trustForwardedFor();
        this.buckets = new TokenBuckets(limit.requestsPerMinute(), limit.burst(), limit.maxClients(),
                time::nanoTime);
        this.perClient = limit.clients().enabled();
        this.clientBuckets = new TokenBuckets(limit.clients().requestsPerMinute(), limit.clients().burst(),
                limit.maxClients(), time::nanoTime);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled) {
            return true;
        }
        String path = PATHS.getPathWithinApplication(request);
        return !isPublic(path) && !(perClient && credential(request) != null && path.startsWith("/api/"));
    }

    private static boolean isPublic(String path) {
        return path.equals(PUBLIC_PREFIX) || path.startsWith(PUBLIC_PREFIX + "/")
                || path.startsWith(ISSUED_PREFIX + "/");
    }

    /**
     * The client's credential as a bucket key: a digest of the bearer token or API key, read before
     * authentication (this filter runs first, so a flood is refused before any token is checked).
     * Forged credentials get their own buckets and then a 401; they gain nothing.
     */
    static String credential(HttpServletRequest request) {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key = request.getHeader("X-Kyso-Api-Key");
        String value = auth != null && !auth.isBlank() ? auth : key;
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "credential:" + java.util.HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        long wait = isPublic(path) ? buckets.take(ClientAddress.of(request, trustForwardedFor))
                : clientBuckets.take(credential(request));
        if (wait == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (problems.resolveException(request, response, null, new RateLimitedException(wait)) == null) {
            // Only if the problem handler is missing: still refuse, without a body.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }
}
