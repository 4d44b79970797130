package vn.kyso.api.demo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kyso.demo.*}.
 *
 * @param enabled   generate (first start) or load the demo PKI and sign with its SoftHSM2 keys
 * @param directory where the PKI, the tokens' PIN files and images live
 * @param port      loopback port of the OCSP, CRL and TSA responders, fixed at generation
 * @param fontFile  font for visible signatures
 */
@ConfigurationProperties("kyso.demo")
record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("var/demo-pki") Path directory,
        @DefaultValue("18480") int port,
        @DefaultValue("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf") Path fontFile) {
}
