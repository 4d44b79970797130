package vn.kyso.api.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.api.ApiSettings;
import vn.kyso.audit.AuditLog;

/** Registers the audit interceptor on the API; it does nothing while no {@link AuditLog} is configured. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

    private final AuditInterceptor interceptor;

    AuditWebConfiguration(ObjectProvider<AuditLog> audit, ApiSettings settings) {
        this.interceptor = new AuditInterceptor(audit, settings.trustForwardedFor());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/v1/**");
    }
}
