package vn.kyso.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.util.HtmlUtils;
import vn.kyso.access.Caller;

/**
 * People log in on the pages through the identity provider (ADR 0021): OpenID Connect authorization code
 * with PKCE, the person then kept in a server-side session, so no token ever reaches the browser. The
 * ID token's claims name the person, the organisation and the roles exactly as a bearer token's do
 * ({@link JwtCallers}), so a person has the same rights on the pages as through the API.
 *
 * <p>A session cookie is sent by the browser whoever asked for the request, so a request that a session
 * authenticates and that changes something must carry the session's CSRF token, which the pages read from
 * {@code /api/v1/me}. Requests with an API key or a bearer token carry no cookie of ours and need none.
 */
final class PersonLogin {

    static final String LOGOUT = "/logout";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ClientRegistrationRepository registrations;
    private final JwtCallers callers;
    private final String registrationId;
    private final OidcUserService users = new OidcUserService();

    PersonLogin(ClientRegistrationRepository registrations, JwtCallers callers) {
        this.registrations = registrations;
        this.callers = callers;
        this.registrationId = first(registrations).getRegistrationId();
    }

    /** Where a browser is sent to log in: the redirect to the identity provider. */
    String loginPath() {
        return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + registrationId;
    }

    /** Sessions, the login, the log-out and CSRF for session requests; the rest of the chain is as without login. */
    void configure(HttpSecurity http, HttpSessionRequestCache pages) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for confidential clients too: the code is of no use to whoever intercepts the redirect.
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        loggedOut.setPostLogoutRedirectUri("{baseUrl}/letters");
        // The pages' policy allows forms to post to this service only (form-action 'self'), and browsers
        // apply it to the redirects that follow a form: a 302 to the provider would be blocked. A page that
        // moves on by itself is a navigation of its own.
        loggedOut.setRedirectStrategy(PersonLogin::moveOn);
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(r -> r.requestCache(pages))
                .csrf(c -> c.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(PersonLogin::sessionWrite))
                .oauth2Login(o -> o.authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                        .userInfoEndpoint(u -> u.oidcUserService(this::loadUser)))
                .logout(l -> l.logoutUrl(LOGOUT).logoutSuccessHandler(loggedOut));
    }

    private static void moveOn(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        String target = HtmlUtils.htmlEscape(url.startsWith("/") ? request.getContextPath() + url : url);
        response.setStatus(200);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getWriter().write("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\"><title>Đăng xuất / Signing out"
                + "</title></head><body><p>Đang đăng xuất… / Signing out… <a href=\"" + target + "\">Tiếp tục / "
                + "Continue</a></p></body></html>");
    }

    /** The person as the provider names them, with the roles of the token's claims as authorities. */
    private OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        Caller caller = caller(user);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
    }

    Caller caller(OidcUser user) {
        return callers.caller(user.getSubject(), user.getClaims());
    }

    /** A request that changes something and that only a session cookie can have authenticated. */
    static boolean sessionWrite(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && request.getRequestedSessionId() != null
                && request.getHeader(ApiKeyFilter.HEADER) == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    }

    private static ClientRegistration first(ClientRegistrationRepository registrations) {
        if (registrations instanceof Iterable<?> all) {
            Iterator<?> it = all.iterator();
            if (it.hasNext() && it.next() instanceof ClientRegistration r) {
                return r;
            }
        }
        throw new IllegalStateException("The pages' login needs one client registration "
                + "(spring.security.oauth2.client.registration.*)");
    }
}
