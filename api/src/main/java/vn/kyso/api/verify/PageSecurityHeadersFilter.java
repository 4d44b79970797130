package vn.kyso.api.verify;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Security headers of the pages (the public {@code /verify}, the archivist's {@code /archive} and the
 * clerk's {@code /letters}), their own assets and the assets they share under {@code /assets}, without
 * Spring Security. Both pages show text that others chose: names from certificates,
 * subjects and keywords typed at ingest. The policy allows only our own scripts, so even a bug
 * that inserted such a name as markup could not run code; nobody may frame the page (clickjacking); and
 * the QR link's document id and hash never leak to another site through Referer.
 */
@Component
class PageSecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The pages, each with its assets under the same prefix, and the assets they share. */
    static final List<String> PAGES = List.of(PageController.VERIFY, PageController.ARCHIVE, PageController.LETTERS, "/assets");

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return PAGES.stream().noneMatch(page -> path.equals(page) || path.startsWith(page + "/"));
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
