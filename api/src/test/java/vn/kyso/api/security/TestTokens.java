package vn.kyso.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** An identity provider in a test: an RSA key whose tokens the service accepts, and one it does not. */
@TestConfiguration(proxyBeanMethods = false)
class TestTokens {

    static final RSAKey TRUSTED = generate();
    static final RSAKey STRANGER = generate();

    @Bean
    JwtDecoder testJwtDecoder() throws JOSEException {
        return NimbusJwtDecoder.withPublicKey(TRUSTED.toRSAPublicKey()).build();
    }

    static String token(String subject, String organisation, List<String> roles) {
        return sign(TRUSTED, subject, organisation, roles, Instant.now().plusSeconds(300));
    }

    static String sign(RSAKey key, String subject, String organisation, List<String> roles, Instant expiry) {
        var claims = new JWTClaimsSet.Builder().subject(subject).issueTime(new Date())
                .expirationTime(Date.from(expiry)).claim("roles", roles);
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("k" + System.nanoTime()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
