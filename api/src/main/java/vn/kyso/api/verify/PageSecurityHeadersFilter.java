package vn.kyso.api.verify;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Security headers of the public page and its assets, without Spring Security. The page shows names
 * from certificates, which anyone can choose: the policy allows only our own scripts, so even a bug
 * that inserted such a name as markup could not run code; nobody may frame the page (clickjacking); and
 * the QR link's document id and hash never leak to another site through Referer.
 */
@Component
class PageSecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return !(path.equals(VerifyPageController.PATH) || path.startsWith(VerifyPageController.PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // For old browsers that ignore frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
