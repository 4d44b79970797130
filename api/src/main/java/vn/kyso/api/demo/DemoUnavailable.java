package vn.kyso.api.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;

/**
 * The production jar leaves the demo PKI out (ADR 0012): asked for the demo, it says so at start-up
 * instead of running without keys or failing later on a missing class.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kyso.demo.enabled", havingValue = "true")
@ConditionalOnMissingClass(DemoConfiguration.DEMO_PKI)
class DemoUnavailable {

    DemoUnavailable() {
        throw new IllegalStateException("kyso.demo.enabled=true, but this jar has no demo PKI: start the "
                + "kyso-api-*-demo.jar (scripts/run.sh does), or configure kyso.signing.* and kyso.validation.*");
    }
}
