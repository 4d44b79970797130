package vn.kyso.api.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.api.ApiSettings;
import vn.kyso.audit.AuditLog;

/**
 * Registers the audit interceptor on the API and offers the {@link AuditTrail} to the security layer; both
 * do nothing while no {@link AuditLog} is configured. (A WebMvcConfigurer, so controller slices load it.)
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;

    AuditWebConfiguration(ObjectProvider<AuditLog> audit, ApiSettings settings) {
        this.trail = new AuditTrail(audit::getIfAvailable, settings.trustForwardedFor());
    }

    @Bean
    AuditTrail auditTrail() {
        return trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuditInterceptor(trail)).addPathPatterns("/api/v1/**");
    }
}
