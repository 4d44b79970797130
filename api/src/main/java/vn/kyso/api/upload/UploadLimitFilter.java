package vn.kyso.api.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import vn.kyso.api.ApiSettings;

/**
 * Refuses a multipart request whose declared length is over {@code kyso.api.max-upload-size} before anything
 * reads its parts. Otherwise the first filter to read a form field (the actor's name) makes the container
 * parse the body, fail on the limit and answer with the servlet error page, not the problem that states the
 * limit. The refusal goes through the same exception handling as every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // after RequestLogFilter, before the rate limit and the actor's filter
class UploadLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final HandlerExceptionResolver resolver;

    UploadLimitFilter(ApiSettings settings, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.maxBytes = settings.maxUploadSize().toBytes();
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/") && request.getContentLengthLong() > maxBytes) {
            resolver.resolveException(request, response, null, new MaxUploadSizeExceededException(maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }
}
