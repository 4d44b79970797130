package vn.kyso.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Entry point of the Kyso service. */
@SpringBootApplication
// Declared here rather than scanned so that @WebMvcTest slices, which load this class, bind it too.
@EnableConfigurationProperties(ApiSettings.class)
@OpenAPIDefinition(
        info = @Info(title = "Kyso", version = "v1",
                description = "Digital signatures for Vietnamese agencies (Decree 30/2020/ND-CP). "
                        + "Errors are RFC 9457 problems (application/problem+json) with a stable `code`."),
        tags = {
            @Tag(name = "Keys", description = "The HSM keys this service may sign with"),
            @Tag(name = "Signatures", description = "PAdES, XAdES, CAdES, JAdES and ASiC-E signing"),
            @Tag(name = "Validations", description = "Explained validation of signed documents; public and "
                    + "rate-limited")
        })
public class KysoApplication {

    public static void main(String[] args) {
        SpringApplication.run(KysoApplication.class, args);
    }
}
