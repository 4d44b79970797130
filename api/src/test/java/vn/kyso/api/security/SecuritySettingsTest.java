package vn.kyso.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.kyso.access.AccessGrants;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;

/** Settings, roles from tokens, and that no secret is committed or exposed. */
class SecuritySettingsTest {

    @Test
    void aKeyOwnerIsAPersonOrAnOrganisationNotBoth() {
        assertThatThrownBy(() -> new SecuritySettings.KeyOwner("ngoc", "ubnd")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecuritySettings.KeyOwner(" ", null)).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(SecuritySettings.KeyOwner.person(" ngoc ").person()).isEqualTo("ngoc");
    }

    @Test
    void configuredOwnersWinOverGrantedOnes() {
        var settings = new SecuritySettings(true, new SecuritySettings.Jwt(null, null, "roles", "organisation"),
                List.of(), Map.of("k", SecuritySettings.KeyOwner.person("configured")));
        var merged = settings.with(new AccessGrants(List.of(), Map.of("k", SecuritySettings.KeyOwner.person("demo"),
                "other", SecuritySettings.KeyOwner.organisation("o"))));
        assertThat(merged.keyOwners()).containsEntry("k", SecuritySettings.KeyOwner.person("configured"))
                .containsKey("other");
    }

    @Test
    void rolesComeFromANestedClaimAsKeycloakWritesThem() {
        var converter = new JwtCallers(new SecuritySettings.Jwt(null, null, "realm_access.roles", "org"));
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("ngoc")
                .claim("realm_access", Map.of("roles", List.of("signer", "offline_access", "Clerk")))
                .claim("org", "ubnd-binh-an").issuedAt(Instant.now()).build();

        Caller caller = ((CallerAuthentication) converter.convert(jwt)).caller();

        assertThat(caller).isEqualTo(new Caller("ngoc", "ubnd-binh-an", Set.of(Role.SIGNER, Role.CLERK)));
    }

    @Test
    void rolesMayBeASpaceSeparatedString() {
        var converter = new JwtCallers(new SecuritySettings.Jwt(null, null, "roles", "organisation"));
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").claim("roles", "auditor exchange-system")
                .build();
        assertThat(((CallerAuthentication) converter.convert(jwt)).caller().roles())
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.EXCHANGE_SYSTEM);
    }

    @Test
    void theAuthenticationNeverCarriesTheTokenOrKey() {
        var auth = new CallerAuthentication(new Caller("ngoc", null, Set.of(Role.SIGNER)), "api-key:x");
        assertThat(auth.getCredentials()).isEqualTo("");
        assertThat(auth.getName()).isEqualTo("ngoc");
    }

    /** The committed configuration exposes only health, info and prometheus, and holds no PIN, password or secret key. */
    @Test
    void committedConfigurationHasNoSecretsAndExposesOnlyHealthAndInfo() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        assertThat(sources).isNotEmpty();
        for (var source : sources) {
            var properties = (EnumerablePropertySource<?>) source;
            for (String name : properties.getPropertyNames()) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.matches(".*(pin|password|secret|access-key|secret-key|credentials).*")) {
                    assertThat(String.valueOf(properties.getProperty(name))).as(name).matches("\\$\\{.*}|");
                }
                if (name.equals("management.endpoints.web.exposure.include")) {
                    assertThat(properties.getProperty(name).toString()).isEqualTo("health,info,prometheus");
                }
            }
        }
        assertThat(sources.get(0).getProperty("management.endpoints.web.exposure.include")).isEqualTo("health,info,prometheus");
    }
}
