package vn.kyso.api.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UrlPathHelper;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditLog;
import vn.kyso.audit.AuditOutcome;

/**
 * The web layer's way into the audit trail where the interceptor cannot write the entry: refusals by the
 * security filters, which never reach Spring MVC, and changes that must be on record before they are made.
 * Does nothing while no {@link AuditLog} is configured ({@code kyso.audit.enabled=false}).
 */
public final class AuditTrail {

    static final String RECORDED = AuditTrail.class.getName() + ".recorded";
    /** Set when a request's entry could not be written; {@link DurableAuditFilter} then withholds a signature. */
    static final String LOST = AuditTrail.class.getName() + ".lost";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    // Decodes and drops ";params" and "//" as Spring's own matching does, so no spelling of the path escapes.
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final Supplier<AuditLog> audit;
    private final boolean trustForwardedFor;

    /**
     * @param audit             the log, or null from the supplier when there is none
     * @param trustForwardedFor take the client's address from our own proxy's X-Forwarded-For entry
     */
    public AuditTrail(Supplier<AuditLog> audit, boolean trustForwardedFor) {
        this.audit = audit;
        this.trustForwardedFor = trustForwardedFor;
    }

    /** An audited request's action and the target its path names (null if none), as the interceptor sees it. */
    public record Classified(AuditAction action, String target) {
    }

    /**
     * Whether a request signs (the durable audit filter then withholds the signature, SIGNATURE_NOT_AUDITED,
     * when its entry is lost). Takes an OpenAPI path template too: "{id}" is one path segment.
     */
    public static boolean signs(String method, String path) {
        return AuditedRequests.classify(method, path).map(a -> a.action() == AuditAction.SIGN).orElse(false);
    }

    /** What the interceptor would record this request as, if anything. */
    public Optional<Classified> classify(HttpServletRequest request) {
        return AuditedRequests.classify(request.getMethod(), path(request))
                .map(a -> new Classified(a.action(), a.target()));
    }

    /** The decoded, normalised path Spring matches on: the one an entry's detail names. */
    public static String path(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    /**
     * Appends one entry about this request (or none: then without a client address). The response goes
     * out whatever happens here, so a failure is logged at ERROR ({@code AUDIT ENTRY LOST}) for the
     * operators, not thrown.
     *
     * @return false if the entry was lost (the log is down), true if written or there is no log
     */
    public boolean append(HttpServletRequest request, String actor, AuditAction action, String target,
            AuditOutcome outcome, String detail) {
        AuditLog auditLog = audit.get();
        if (auditLog == null) {
            return true;
        }
        AuditEvent event = new AuditEvent(actor, action, target, outcome, detail,
                request == null ? null : clientAddress(request));
        try {
            auditLog.append(event);
            return true;
        } catch (RuntimeException e) {
            lost(event, e);
            return false;
        }
    }

    /**
     * Records a change about to be made, as done (OK), before it is made: a change the trail cannot record
     * is refused with 503 rather than made unrecorded. The request is marked so that the interceptor does
     * not record it again when it succeeds; if the change then fails, the interceptor's entry says so.
     * Call it from the thread handling the request.
     */
    public void beforeChange(String actor, AuditAction action, String target, String detail) {
        AuditLog auditLog = audit.get();
        if (auditLog == null) {
            return;
        }
        HttpServletRequest request = currentRequest();
        String described = request == null ? detail : request.getMethod() + " " + path(request) + ": " + detail;
        AuditEvent event = new AuditEvent(actor, action, target, AuditOutcome.OK, described,
                request == null ? null : clientAddress(request));
        try {
            auditLog.append(event);
        } catch (RuntimeException e) {
            log.error("AUDIT ENTRY NOT WRITTEN, change refused: {} by {} on {} ({})", event.action(), event.actor(),
                    event.target(), e.getMessage(), e);
            throw new ApiException(ApiError.AUDIT_UNAVAILABLE,
                    "the change was not made: the audit trail cannot record it now");
        }
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE);
        }
    }

    /** As the rate limit does: the connection, or with trust-forwarded-for the entry our own proxy appended. */
    public String clientAddress(HttpServletRequest request) {
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

    AuditLog log() {
        return audit.get();
    }

    static void lost(AuditEvent event, RuntimeException e) {
        log.error("AUDIT ENTRY LOST: {} {} by {} on {} ({})", event.action(), event.outcome(), event.actor(),
                event.target(), e.getMessage(), e);
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes s ? s.getRequest() : null;
    }
}
