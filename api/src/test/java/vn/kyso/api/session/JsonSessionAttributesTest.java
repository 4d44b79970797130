package vn.kyso.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each kind of value the pages keep in a session is written as JSON and read back equal in what the service
 * uses; anything else is refused both ways, and a value Java-serialised before the switch reads as absent.
 */
class JsonSessionAttributesTest {

    static final Instant ISSUED = Instant.parse("2026-12-05T02:00:00Z");

    final JsonSessionAttributes attributes = new JsonSessionAttributes(getClass().getClassLoader());
    final GenericConversionService conversions = attributes.conversionService();

    @Test
    void theLoggedInPersonRoundTripsAsJson() throws Exception {
        // Claims as the ID token's decoder gives them: Nimbus parses the JSON (Gson: Long, LinkedTreeMap),
        // Spring Security's claim conversion makes the issuer a URL and the times Instants.
        Map<String, Object> claims = new LinkedHashMap<>(JSONObjectUtils.parse("{\"sub\": \"nguyen-thi-thu\", "
                + "\"aud\": [\"kyso-pages\"], \"name\": \"Nguyễn Thị Thư\", \"organisation\": \"000.00.00.H99\", "
                + "\"roles\": [\"clerk\"], \"auth_time\": 1764900000, \"realm_access\": {\"roles\": [\"van-thu\"]}}"));
        claims.put("iss", URI.create("http://127.0.0.1:8099/kyso").toURL());
        claims.put("iat", ISSUED);
        claims.put("exp", ISSUED.plusSeconds(300));
        OidcIdToken token = new OidcIdToken("eyJ.id.token", ISSUED, ISSUED.plusSeconds(300), claims);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_CLERK"),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
                new DefaultOidcUser(authorities, token, "sub"), authorities, "kyso");
        login.setDetails(new WebAuthenticationDetails("127.0.0.1", null));
        SecurityContextImpl context = new SecurityContextImpl(login);

        byte[] stored = store(context);
        JsonNode json = JsonMapper.builder().build().readTree(stored);
        assertThat(json.get("@class").asString()).isEqualTo(SecurityContextImpl.class.getName());
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("Nguyễn Thị Thư")
                .contains("000.00.00.H99");

        SecurityContextImpl back = (SecurityContextImpl) load(stored);
        OAuth2AuthenticationToken again = (OAuth2AuthenticationToken) back.getAuthentication();
        assertThat(again.getName()).isEqualTo("nguyen-thi-thu");
        assertThat(again.getAuthorizedClientRegistrationId()).isEqualTo("kyso");
        assertThat(again.getAuthorities()).containsExactlyInAnyOrderElementsOf(authorities);
        DefaultOidcUser person = (DefaultOidcUser) again.getPrincipal();
        assertThat(person.getClaims()).containsEntry("organisation", "000.00.00.H99")
                .containsEntry("name", "Nguyễn Thị Thư").containsEntry("roles", List.of("clerk"));
        assertThat(person.getIdToken().getTokenValue()).isEqualTo("eyJ.id.token");
        assertThat(person.getIdToken().getExpiresAt()).isEqualTo(ISSUED.plusSeconds(300));
        assertThat(person.getIdToken().getIssuer()).hasToString("http://127.0.0.1:8099/kyso");
        assertThat(person.getClaims()).containsEntry("auth_time", 1764900000L)
                .containsEntry("realm_access", Map.of("roles", List.of("van-thu")));
        assertThat(again.isAuthenticated()).isTrue();
    }

    @Test
    void theLoginsOwnStateRoundTripsAsJson() {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://127.0.0.1:8099/kyso/authorize").clientId("kyso-pages")
                .redirectUri("http://127.0.0.1:8080/login/oauth2/code/kyso").scopes(Set.of("openid", "profile"))
                .state("trạng-thái").additionalParameters(Map.of("code_challenge", "abc",
                        "code_challenge_method", "S256", "nonce", "n-1"))
                .attributes(Map.of("registration_id", "kyso", "code_verifier", "verifier", "nonce", "n-0"))
                .build();
        OAuth2AuthorizationRequest back = (OAuth2AuthorizationRequest) load(store(request));
        assertThat(back.getState()).isEqualTo("trạng-thái");
        assertThat(back.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
        assertThat(back.getAttributes()).isEqualTo(request.getAttributes());
        assertThat(back.getScopes()).isEqualTo(request.getScopes());

        DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t0k3n");
        DefaultCsrfToken csrfBack = (DefaultCsrfToken) load(store(csrf));
        assertThat(csrfBack.getToken()).isEqualTo("t0k3n");
        assertThat(csrfBack.getHeaderName()).isEqualTo("X-CSRF-TOKEN");

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/letters/42");
        page.setQueryString("tab=ky");
        page.setServerPort(8080);
        DefaultSavedRequest saved = new DefaultSavedRequest(page);
        DefaultSavedRequest savedBack = (DefaultSavedRequest) load(store(saved));
        assertThat(savedBack.getRedirectUrl()).isEqualTo(saved.getRedirectUrl()).endsWith("/letters/42?tab=ky");

        OAuth2AuthenticationException failed = new OAuth2AuthenticationException(
                new OAuth2Error("invalid_nonce", "the nonce does not match", null));
        OAuth2AuthenticationException failedBack = (OAuth2AuthenticationException) load(store(failed));
        assertThat(failedBack.getError().getErrorCode()).isEqualTo("invalid_nonce");
    }

    @Test
    void aTypeThePagesDoNotKeepIsRefusedBothWays() {
        assertThatThrownBy(() -> store(new StringBuilder("x"))).isInstanceOf(ConversionFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
        // A row naming a class outside the allowed ones reads as absent (its person logs in again, rather
        // than every request with that cookie failing) and the class is never instantiated, even one
        // Jackson could build.
        Harmless.built.set(0);
        String harmless = Harmless.class.getName();
        for (String row : List.of("[\"" + harmless + "\", {\"name\": \"x\"}]",
                "{\"@class\": \"" + harmless + "\", \"name\": \"x\"}",
                "[\"java.lang.ProcessBuilder\", {\"command\": [\"true\"]}]",
                "{\"@class\": \"java.lang.ProcessBuilder\", \"command\": [\"true\"]}",
                "{not json")) {
            assertThat(load(row.getBytes(StandardCharsets.UTF_8))).as(row).isNull();
        }
        assertThat(Harmless.built).hasValue(0);
    }

    /** A class Jackson can build (public, no-argument constructor, a setter) that the pages never keep. */
    public static final class Harmless {
        static final java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        private String name;

        public Harmless() {
            built.incrementAndGet();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Test
    void aValueJavaSerialisedBeforeTheSwitchReadsAsAbsent() throws Exception {
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(old)) {
            out.writeObject(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "old"));
        }
        assertThat(load(old.toByteArray())).isNull();
    }

    private byte[] store(Object value) {
        return (byte[]) conversions.convert(value, TypeDescriptor.valueOf(Object.class),
                TypeDescriptor.valueOf(byte[].class));
    }

    private Object load(byte[] stored) {
        return conversions.convert(stored, TypeDescriptor.valueOf(byte[].class), TypeDescriptor.valueOf(Object.class));
    }
}
