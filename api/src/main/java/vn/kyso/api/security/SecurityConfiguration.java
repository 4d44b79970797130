package vn.kyso.api.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.access.AccessControl;
import vn.kyso.access.Caller;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.api.audit.AuditTrail;

/**
 * The security filter chain, stateless: bearer tokens and API keys, no cookies, no sessions, hence no CSRF
 * tokens. Also gives controllers the {@link Caller} as an argument. (A WebMvcConfigurer, so that
 * {@code @WebMvcTest} slices load it like the running service does.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private final SecuritySettings settings;

    /** The settings as configured: the grants of code (the demo's) only add keys, which {@link AccessControl} holds. */
    SecurityConfiguration(SecuritySettings settings) {
        this.settings = settings;
    }

    @Bean
    KeyOwnership keyOwnership(AccessControl access) {
        return new KeyOwnership(access);
    }

    /** The filters' refusals in the audit trail; the 401s bounded per window (docs/security.md). */
    @Bean(destroyMethod = "close")
    RefusalAudit refusalAudit(ObjectProvider<AuditTrail> trails) {
        AuditTrail trail = trails.getIfAvailable(() -> new AuditTrail(() -> null, false));
        return new RefusalAudit(trail, settings.unauthenticatedAudit(), Clock.systemUTC(), settings.enabled());
    }

    @Bean
    SecurityFilterChain kysoSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            RefusalAudit refusals, AccessControl access) throws Exception {
        ProblemResponses problems = new ProblemResponses(settings.enabled() ? refusals : null);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!settings.enabled()) {
            log.warn("Access control is DISABLED (kyso.security.enabled=false): every request has every role");
            http.headers(AbstractHttpConfigurer::disable)
                    .addFilterBefore(new ActorHeaderFilter(), AnonymousAuthenticationFilter.class)
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        // Pages get their headers from PageSecurityHeadersFilter; downloads say no-store themselves and the
        // static assets of /verify may be cached, so Spring's blanket no-cache stays off.
        http.headers(h -> h.cacheControl(c -> c.disable()))
                .addFilterBefore(new ApiKeyFilter(access, problems), AnonymousAuthenticationFilter.class);
        JwtDecoder decoder = decoders.getIfAvailable(() -> decoder(settings.jwt()));
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new JwtCallers(settings.jwt()))));
        }
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(a -> {
            a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
            for (AccessRules.Rule rule : AccessRules.RULES) {
                var matched = a.requestMatchers(paths.matcher(rule.method(), rule.pattern()));
                if (rule.isPublic()) {
                    matched.permitAll();
                } else {
                    matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
            }
            a.anyRequest().denyAll();
        });
        log.info("Access control enabled: {} API key(s), {} key owner(s), bearer tokens {}",
                access.activeKeyCount(), access.owners().size(), decoder == null ? "off" : "on");
        return http.build();
    }

    /** Standard validation (signature, expiry, issuer); discovery waits for the first token. */
    static JwtDecoder decoder(SecuritySettings.Jwt jwt) {
        if (jwt.jwkSetUri() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build();
            decoder.setJwtValidator(jwt.issuerUri() == null ? JwtValidators.createDefault()
                    : JwtValidators.createDefaultWithIssuer(jwt.issuerUri().toString()));
            return decoder;
        }
        if (jwt.issuerUri() != null) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri().toString()));
        }
        return null;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver(settings.enabled()));
    }

    /** The {@link Caller} argument of a controller method. */
    private record CallerResolver(boolean enabled) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                WebDataBinderFactory binders) {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth instanceof CallerAuthentication c) {
                return c.caller();
            }
            return enabled ? new Caller(null, null, null) : Caller.unrestricted(null);
        }
    }
}
