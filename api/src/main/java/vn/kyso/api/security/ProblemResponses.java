package vn.kyso.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.kyso.api.requestid.RequestIds;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.Problem;
import vn.kyso.access.Caller;

/**
 * 401 and 403 from the security filters, which run before Spring MVC and its problem handler, in the same
 * RFC 9457 shape as every other error, and in the audit trail ({@link RefusalAudit}). The details never
 * repeat what the client sent.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RefusalAudit audit;

    /** @param audit where refusals are recorded, or null for nowhere (security disabled) */
    ProblemResponses(RefusalAudit audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (audit != null) {
            audit.unauthenticated(request, ex);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, 401, ApiError.UNAUTHENTICATED,
                "Send an access token (Authorization: Bearer …) or an API key (" + ApiKeyFilter.HEADER + ")");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        log.warn("Access denied: {} {} by {} (roles {})", request.getMethod(), request.getRequestURI(),
                auth == null ? Caller.ANONYMOUS : auth.getName(), auth == null ? "none" : auth.getAuthorities());
        if (audit != null) {
            audit.forbidden(request, auth);
        }
        write(request, response, 403, ApiError.FORBIDDEN, "Your roles do not allow this request");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, ApiError error,
            String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:kyso:problem:" + error.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", error.title());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", error.code());
        RequestIds.of(request).ifPresent(id -> problem.put(RequestIds.MDC_KEY, id));
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
