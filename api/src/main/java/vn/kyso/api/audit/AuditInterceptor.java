package vn.kyso.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UrlPathHelper;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;

/**
 * Appends one audit entry when an audited request completes, with the outcome its status gives.
 * Controllers stay unaware of auditing. If the entry cannot be written the response has already gone,
 * so the loss is logged at ERROR for the operators: it is never silent.
 */
final class AuditInterceptor implements HandlerInterceptor {

    static final String ANONYMOUS = "anonymous";

    private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
    // Decodes and drops ";params" and "//" as Spring's own matching does, so no spelling of the path escapes.
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final ObjectProvider<AuditLog> audit;
    private final boolean trustForwardedFor;

    AuditInterceptor(ObjectProvider<AuditLog> audit, boolean trustForwardedFor) {
        this.audit = audit;
        this.trustForwardedFor = trustForwardedFor;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Optional<AuditedRequests.Audited> audited =
                AuditedRequests.classify(request.getMethod(), PATHS.getPathWithinApplication(request));
        if (audited.isEmpty()) {
            return;
        }
        AuditLog auditLog = audit.getIfAvailable();
        if (auditLog == null) {
            return;
        }
        int status = response.getStatus();
        AuditOutcome outcome = ex != null && status < 400 ? AuditOutcome.FAILED : outcome(status);
        String detail = request.getMethod() + " " + PATHS.getPathWithinApplication(request) + " -> HTTP " + status;
        if (request.getAttribute(AuditNotes.ATTRIBUTE) instanceof String note) {
            detail += ": " + note;
        }
        AuditEvent event = new AuditEvent(actor(request), audited.get().action(), target(audited.get(), request,
                response), outcome, detail, clientAddress(request));
        try {
            auditLog.append(event);
        } catch (RuntimeException e) {
            log.error("AUDIT ENTRY LOST: {} {} by {} on {} ({})", event.action(), event.outcome(), event.actor(),
                    event.target(), e.getMessage(), e);
        }
    }

    static AuditOutcome outcome(int status) {
        if (status >= 500) {
            return AuditOutcome.FAILED;
        }
        return status >= 400 ? AuditOutcome.REFUSED : AuditOutcome.OK;
    }

    /**
     * The authenticated caller (vn.kyso.api.security); with security disabled, whoever the X-Kyso-Actor
     * header names, which the security layer turns into the principal as well.
     */
    private static String actor(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        String actor = principal == null ? null : principal.getName();
        return actor == null || actor.isBlank() ? ANONYMOUS : actor;
    }

    /** The path's target; else the key a signature used, or the record an ingest created. */
    private static String target(AuditedRequests.Audited audited, HttpServletRequest request,
            HttpServletResponse response) {
        if (audited.target() != null) {
            return audited.target();
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        String key = request.getParameter("key");
        return key == null || key.isBlank() ? null : "key:" + key;
    }

    /** As the rate limit does: the connection, or with trust-forwarded-for the entry our own proxy appended. */
    private String clientAddress(HttpServletRequest request) {
        if (trustForwardedFor) {
            String last = null;
            for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
                for (String entry : header.split(",")) {
                    if (!entry.isBlank()) {
                        last = entry.strip();
                    }
                }
            }
            if (last != null) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
