package vn.kyso.api.verify;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key of the verification links' tokens. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifyLinkSettings.class)
class IssuedLinksConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IssuedLinksConfiguration.class);

    @Bean
    IssuedLinks issuedLinks(VerifyLinkSettings settings) {
        String configured = settings.linkKey();
        if (configured == null || configured.isBlank()) {
            log.warn("kyso.verify.link-key is not set: verification links to issuer-chosen document numbers "
                    + "get a token under a key made for this process only, which no other instance shares and "
                    + "which a restart forgets. Set KYSO_VERIFY_LINK_KEY (32+ bytes, base64) for service.");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new IssuedLinks(key);
        }
        try {
            return new IssuedLinks(Base64.getDecoder().decode(configured.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kyso.verify.link-key must be base64 of at least 32 bytes", e);
        }
    }
}
