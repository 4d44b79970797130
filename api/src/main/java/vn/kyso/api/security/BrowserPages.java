package vn.kyso.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.util.HtmlUtils;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;

/**
 * 401 and 403 for a person in a browser, who should never see a problem's JSON: a page the browser
 * opens is sent to the login (or, while the service has no login, told in words how it is opened), and a
 * logged-in person without the role sees who they are logged in as, what they lack and how to log out.
 * Everything else (API calls, scripts' fetches) keeps the RFC 9457 problems of {@link ProblemResponses}.
 */
final class BrowserPages implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    private final RefusalAudit audit;
    private final PersonLogin login;
    private final RequestCache pages;
    private final CurrentCaller callers;

    /**
     * @param audit where refusals are recorded, or null for nowhere
     * @param login the login, or null while none is configured
     * @param pages where the page asked for is kept for after the login
     */
    BrowserPages(ProblemResponses problems, RefusalAudit audit, PersonLogin login, RequestCache pages,
            CurrentCaller callers) {
        this.problems = problems;
        this.audit = audit;
        this.login = login;
        this.pages = pages;
        this.callers = callers;
    }

    /**
     * A page a browser navigates to: a GET that prefers HTML (what browsers send for a navigation, not for
     * fetch() or curl), with neither API key nor bearer token.
     */
    static boolean wantsPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(ApiKeyFilter.HEADER) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        // Browsers name text/html for a navigation; fetch(), curl and client libraries send */* or JSON.
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        return types.stream().anyMatch(t -> !t.isWildcardType() && !t.isWildcardSubtype()
                && t.isCompatibleWith(MediaType.TEXT_HTML) && t.getQualityValue() > 0);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (!wantsPage(request)) {
            problems.commence(request, response, ex);
            return;
        }
        if (login != null) {
            pages.saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + login.loginPath());
            return;
        }
        if (audit != null) {
            audit.unauthenticated(request, ex);
        }
        page(response, 401, "Cần đăng nhập", "Sign-in needed",
                "<p>Trang này dành cho cán bộ đã đăng nhập. Dịch vụ này chưa được cấu hình đăng nhập qua nhà cung "
                        + "cấp định danh; hãy liên hệ quản trị viên.</p>"
                        + "<p lang=\"en\">This page is for staff who have signed in. This service has no sign-in "
                        + "through an identity provider configured yet; please ask its administrator.</p>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        if (!wantsPage(request)) {
            problems.handle(request, response, ex);
            return;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (audit != null) {
            audit.forbidden(request, auth);
        }
        Caller caller = callers.of(auth);
        String name = HtmlUtils.htmlEscape(callers.displayName(auth));
        String organisation = caller.organisation() == null ? "—" : HtmlUtils.htmlEscape(caller.organisation());
        String roles = caller.roles().isEmpty() ? "không có vai trò nào / no role"
                : String.join(", ", caller.roles().stream().map(Role::name).map(r -> r.toLowerCase(Locale.ROOT))
                        .toList());
        StringBuilder body = new StringBuilder()
                .append("<p>Bạn đã đăng nhập, nhưng vai trò của bạn không cho phép mở trang này. Hãy đề nghị quản "
                        + "trị viên của nhà cung cấp định danh giao vai trò phù hợp (văn thư, người ký, lưu trữ "
                        + "viên).</p>")
                .append("<p lang=\"en\">You are signed in, but your roles do not open this page. Ask the identity "
                        + "provider's administrator for the role you need (clerk, signer, archivist).</p>")
                .append("<dl class=\"facts panel\"><dt>Người đăng nhập / Signed in as</dt><dd id=\"who\">")
                .append(name).append("</dd><dt>Cơ quan / Organisation</dt><dd id=\"organisation\">")
                .append(organisation).append("</dd><dt>Vai trò / Roles</dt><dd id=\"roles\">")
                .append(roles).append("</dd></dl>");
        if (login != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            body.append("<form method=\"post\" action=\"").append(PersonLogin.LOGOUT).append("\">")
                    .append("<input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                    .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\">")
                    .append("<button type=\"submit\" id=\"logout\" class=\"primary\">Đăng xuất / Sign out</button>")
                    .append("</form>");
        }
        page(response, 403, "Không có quyền truy cập", "No access", body.toString());
    }

    private static void page(HttpServletResponse response, int status, String title, String englishTitle,
            String body) throws IOException {
        String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " — " + englishTitle + "</title>"
                + "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"/assets/kyso.css\"></head><body>"
                + "<header class=\"top\"><h1>" + title + "</h1><p class=\"hint\" lang=\"en\">" + englishTitle
                + "</p></header><main>" + body + "<p><a href=\"/verify\">Kiểm tra văn bản / Verify a document</a>"
                + "</p></main></body></html>";
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write(html);
    }
}
