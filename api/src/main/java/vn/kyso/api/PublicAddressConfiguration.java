package vn.kyso.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.kyso.letters.VerifyAddress;

/**
 * Checks {@code kyso.api.public-url} at start-up: the service does not start without it outside the demo.
 * (A WebMvcConfigurer, so that {@code @WebMvcTest} slices load it like the running service does.)
 */
@Configuration(proxyBeanMethods = false)
class PublicAddressConfiguration implements WebMvcConfigurer {

    @Bean
    PublicAddress publicAddress(@Value("${" + PublicAddress.PROPERTY + ":}") String configured,
            @Value("${kyso.demo.enabled:false}") boolean demo, Environment environment) {
        // local.server.port is known once the server listens; the links are made on requests, after that.
        return PublicAddress.of(configured, demo, () -> environment.getProperty("local.server.port", Integer.class,
                environment.getProperty("server.port", Integer.class, 8080)));
    }

    /** The same page for the QR codes the letters module stamps on drafts. */
    @Bean
    VerifyAddress lettersVerifyAddress(PublicAddress publicAddress) {
        return publicAddress::verifyUrl;
    }
}
