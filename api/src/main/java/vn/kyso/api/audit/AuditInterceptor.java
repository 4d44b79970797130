package vn.kyso.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.kyso.audit.AuditOutcome;

/**
 * Appends one audit entry when an audited request completes, with the outcome its status gives.
 * Controllers stay unaware of auditing. If the entry cannot be written the loss is logged at ERROR for
 * the operators: it is never silent; for signing requests the response is still held back by
 * {@link DurableAuditFilter}, which answers 503 instead of handing out an unaudited signature. A change the controller already
 * recorded before making it ({@link AuditTrail#beforeChange}) is not recorded twice when it succeeds.
 */
final class AuditInterceptor implements HandlerInterceptor {

    static final String ANONYMOUS = "anonymous";

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        Optional<AuditTrail.Classified> audited = trail.classify(request);
        if (audited.isEmpty() || trail.log() == null) {
            return;
        }
        int status = response.getStatus();
        AuditOutcome outcome = ex != null && status < 400 ? AuditOutcome.FAILED : outcome(status);
        if (outcome == AuditOutcome.OK && request.getAttribute(AuditTrail.RECORDED) != null) {
            return;
        }
        String detail = request.getMethod() + " " + AuditTrail.path(request) + " -> HTTP " + status;
        if (request.getAttribute(AuditNotes.ATTRIBUTE) instanceof String note) {
            detail += ": " + note;
        }
        boolean written = trail.append(request, actor(request), audited.get().action(),
                target(audited.get(), request, response), outcome, detail);
        if (!written) {
            // The response is still buffered for signing requests (DurableAuditFilter): it withholds it.
            request.setAttribute(AuditTrail.LOST, Boolean.TRUE);
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
    private static String target(AuditTrail.Classified audited, HttpServletRequest request,
            HttpServletResponse response) {
        if (audited.target() != null) {
            return audited.target();
        }
        if (request.getAttribute(AuditNotes.TARGET) instanceof String noted) {
            return noted;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (location != null) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        String key = request.getParameter("key");
        return key == null || key.isBlank() ? null : "key:" + key;
    }
}
