package vn.kyso.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request. Only the method, the path (no query string), the status and the duration
 * are logged: bodies hold citizens' documents and may hold PINs, so they never reach the log. The
 * values are also attached as key/value pairs, which the ECS JSON format (prod profile) turns into fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // just after requestid.RequestIdFilter: the line carries the id
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - start;
            String path = request.getRequestURI();
            log.atInfo()
                    .addKeyValue("http.request.method", request.getMethod())
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", response.getStatus())
                    .addKeyValue("event.duration", nanos) // ECS measures durations in nanoseconds
                    .log("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), nanos / 1_000_000);
        }
    }
}
