package vn.kyso.api.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;
import vn.kyso.audit.AuditAction;

/**
 * No durable audit entry, no signature. A signing response is held in memory until the interceptor
 * has appended its entry (the append returns only once committed); if the entry was lost, the signed
 * bytes are dropped and the client gets 503 {@code SIGNATURE_NOT_AUDITED} instead. Other requests
 * stream as before: only a signature is evidence that must not leave unrecorded. Ordered last, so it
 * wraps the dispatcher alone and every other filter's work (security, rate limit) is unchanged.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DurableAuditFilter extends OncePerRequestFilter {

    private final AuditTrail trail;
    private final HandlerExceptionResolver problems;

    DurableAuditFilter(AuditTrail trail, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.trail = trail;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return trail.classify(request).map(c -> c.action() != AuditAction.SIGN).orElse(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        if (request.getAttribute(AuditTrail.LOST) != null && held.getStatus() < 400) {
            held.reset();
            if (problems.resolveException(request, held, null, new SignatureNotAudited()) == null) {
                held.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
        held.copyBodyToResponse();
    }

    /** The refusal, in English ({@code detail}) and Vietnamese ({@code detailVi}). */
    static final class SignatureNotAudited extends ApiException {
        private static final long serialVersionUID = 1L;

        SignatureNotAudited() {
            super(ApiError.SIGNATURE_NOT_AUDITED, "The document was signed but the signature is withheld: the audit"
                    + " trail could not record it. Nothing was handed out; try again when the audit database is back.");
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("detailVi", "Văn bản đã được ký nhưng chữ ký không được trả về vì nhật ký kiểm tra không"
                    + " ghi nhận được. Chưa có gì được gửi đi; vui lòng thử lại khi cơ sở dữ liệu nhật ký hoạt động.");
        }
    }
}
