package vn.kyso.api.upload;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.api.ApiSettings;

/** Puts {@link UploadGuard} in front of every API endpoint. */
@Configuration(proxyBeanMethods = false)
class UploadGuardConfiguration implements WebMvcConfigurer {

    private final ApiSettings settings;

    UploadGuardConfiguration(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UploadGuard(settings.maxUploadSize().toBytes())).addPathPatterns("/api/**");
    }
}
