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
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
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
 * The security filter chain: bearer tokens and API keys, stateless, no cookies; and, when a client
 * registration of the identity provider is configured, the pages' login ({@link PersonLogin}) with its
 * server-side session and CSRF tokens for the session's requests. Also gives controllers the {@link Caller}
 * as an argument. (A WebMvcConfigurer, so that
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
    CurrentCaller currentCaller() {
        return new CurrentCaller(settings.enabled(), new JwtCallers(settings.jwt()));
    }

    @Bean
    SecurityFilterChain kysoSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
            RefusalAudit refusals, AccessControl access, ObjectProvider<ClientRegistrationRepository> registrations,
            CurrentCaller callers) throws Exception {
        ProblemResponses problems = new ProblemResponses(settings.enabled() ? refusals : null);
        ClientRegistrationRepository clients = settings.enabled() ? registrations.getIfAvailable() : null;
        PersonLogin login = clients == null ? null : new PersonLogin(clients, new JwtCallers(settings.jwt()));
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(BrowserPages::wantsPage);
        BrowserPages browsers = new BrowserPages(problems, settings.enabled() ? refusals : null, login, pages,
                callers);
        http.formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(browsers).accessDeniedHandler(browsers));
        if (login == null) {
            http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable);
        } else {
            login.configure(http, pages);
        }
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
            if (login != null) {
                // The login's own steps: the redirect to the provider and the provider's answer.
                a.requestMatchers(paths.matcher(HttpMethod.GET, "/oauth2/authorization/*")).permitAll();
                a.requestMatchers(paths.matcher(HttpMethod.GET, "/login/oauth2/code/*")).permitAll();
            }
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
        log.info("Access control enabled: {} API key(s), {} key owner(s), bearer tokens {}, pages' login {}",
                access.activeKeyCount(), access.owners().size(), decoder == null ? "off" : "on",
                login == null ? "off" : "on");
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
        resolvers.add(new CallerResolver(new CurrentCaller(settings.enabled(), new JwtCallers(settings.jwt()))));
    }

    /** The {@link Caller} argument of a controller method. */
    private record CallerResolver(CurrentCaller callers) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                WebDataBinderFactory binders) {
            return callers.of(SecurityContextHolder.getContext().getAuthentication());
        }
    }
}
