package vn.kyso.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;
import vn.kyso.demopki.DemoPki;

/**
 * The probes an orchestrator polls, on the running service with its real dependencies: the archive's
 * filesystem store and the demo PKI's TSA. An outage of either makes the instance unready, never dead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class HealthProbesEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DemoPki pki;

    @Value("${kyso.archive.directory}")
    Path archiveDirectory;

    record Probe(int status, JsonNode body) {
        String component(String name) {
            return body.path("components").path(name).path("status").asText();
        }
    }

    @Test
    void livenessAndReadinessAreUpWithTheirOwnMembers() throws Exception {
        Probe live = probe("/actuator/health/liveness");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body().path("status").asText()).isEqualTo("UP");
        // Liveness looks at the application's own state only: no dependency may restart the instance.
        assertThat(names(live.body().path("components"))).containsExactly("livenessState");

        Probe ready = Eventually.until(WAIT, () -> probe("/actuator/health/readiness"), p -> p.status() == 200);
        assertThat(ready.status()).as(ready.body().toString()).isEqualTo(200);
        assertThat(names(ready.body().path("components")))
                .containsExactlyInAnyOrder("readinessState", "db", "objectStore", "hsm", "tsa");
        assertThat(names(probe("/actuator/health/signing").body().path("components")))
                .containsExactlyInAnyOrder("hsm", "tsa");
        assertThat(names(probe("/actuator/health/archive").body().path("components")))
                .containsExactlyInAnyOrder("db", "objectStore");
    }

    @Test
    void anObjectStoreWhoseRootIsGoneMakesTheInstanceUnreadyButNotDead() throws Exception {
        Path root = archiveDirectory.resolve("objects");
        Path away = archiveDirectory.resolve("objects-unmounted");
        assertThat(root).isDirectory();
        Files.move(root, away);
        try {
            Probe ready = Eventually.until(WAIT, () -> probe("/actuator/health/readiness"), p -> p.status() == 503);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().path("status").asText()).isEqualTo("DOWN");
            assertThat(ready.component("objectStore")).isEqualTo("DOWN");
            assertThat(ready.component("hsm")).isEqualTo("UP");
            assertThat(probe("/actuator/health/archive").status()).isEqualTo(503);

            Probe live = probe("/actuator/health/liveness");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body().path("status").asText()).isEqualTo("UP");
        } finally {
            Files.move(away, root);
        }
        Probe back = Eventually.until(WAIT, () -> probe("/actuator/health/readiness"), p -> p.status() == 200);
        assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
        assertThat(back.component("objectStore")).isEqualTo("UP");
    }

    @Test
    void aTimeStampAuthorityOutageMakesTheInstanceUnreadyForSigningButNotDead() throws Exception {
        pki.setRespondersAvailable(false);
        try {
            Probe ready = Eventually.until(WAIT, () -> probe("/actuator/health/readiness"), p -> p.status() == 503);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.component("tsa")).isEqualTo("DOWN");
            assertThat(ready.component("objectStore")).isEqualTo("UP");
            assertThat(probe("/actuator/health/signing").status()).isEqualTo(503);
            assertThat(probe("/actuator/health/archive").status()).isEqualTo(200);
            assertThat(probe("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            pki.setRespondersAvailable(true);
        }
        Probe back = Eventually.until(WAIT, () -> probe("/actuator/health/readiness"), p -> p.status() == 200);
        assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
    }

    private Probe probe(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Probe(r.statusCode(), JSON.readTree(r.body()));
    }

    private static java.util.List<String> names(JsonNode components) {
        java.util.List<String> names = new java.util.ArrayList<>();
        components.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
