package vn.kyso.api.metrics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.kyso.archive.ArchiveService;
import vn.kyso.audit.AuditLog;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.ValidationService;

/**
 * Wraps the modules' own facade implementations (classes in a {@code .internal} package: never a test's
 * fake or mock) in their metered decorators as the beans are made, so that every caller (controllers,
 * letters, exchange, the archive's own calls to signing and validation) is measured the same way.
 */
@Configuration(proxyBeanMethods = false)
class MeteredServices {

    /** Static and lazy: a post-processor is made before the meters, which it asks for only when used. */
    @Bean
    static BeanPostProcessor meteredFacades(ObjectProvider<KysoMeters> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!bean.getClass().getPackageName().endsWith(".internal")) {
                    return bean;
                }
                if (bean instanceof SigningService s) {
                    return new MeteredSigningService(s, meters.getObject());
                }
                if (bean instanceof ValidationService v) {
                    return new MeteredValidationService(v, meters.getObject());
                }
                if (bean instanceof AuditLog l) {
                    return new MeteredAuditLog(l, meters.getObject());
                }
                if (bean instanceof ArchiveService a) {
                    return meteredArchive(a, meters.getObject());
                }
                return bean;
            }
        };
    }

    /**
     * The archive's facade has two dozen methods and only two are measured, so a proxy rather than a
     * decorator that repeats the others. AutoCloseable too: the bean's destroy method is {@code close}.
     */
    static ArchiveService meteredArchive(ArchiveService archive, KysoMeters meters) {
        InvocationHandler handler = (proxy, method, args) -> {
            String mode = method.getName();
            boolean measured = (mode.equals("ingest") || mode.equals("accept")) && method.getParameterCount() == 1;
            long start = System.nanoTime();
            try {
                Object result = invoke(archive, method, args);
                if (measured) {
                    meters.ingest(mode, KysoMeters.OK, System.nanoTime() - start);
                }
                return result;
            } catch (RuntimeException e) {
                if (measured) {
                    meters.ingest(mode, KysoMeters.outcome(e), System.nanoTime() - start);
                }
                throw e;
            }
        };
        return (ArchiveService) Proxy.newProxyInstance(MeteredServices.class.getClassLoader(),
                new Class<?>[] {ArchiveService.class, AutoCloseable.class}, handler);
    }

    private static Object invoke(ArchiveService archive, Method method, Object[] args) throws Exception {
        try {
            if (method.getDeclaringClass() == AutoCloseable.class) {
                if (archive instanceof AutoCloseable c) {
                    c.close();
                }
                return null;
            }
            if (method.getDeclaringClass() == Object.class && method.getName().equals("toString")) {
                return "Metered" + archive;
            }
            return method.invoke(archive, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
