package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * Preservation jobs answer 202 Accepted with a status URL the client polls (issue #14): the request is
 * not held while the job visits every record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class ArchiveJobsEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aJobIsAcceptedAtOnceAndItsStatusUrlFollowsItToTheEnd() throws Exception {
        archiveOneRecord();

        HttpResponse<byte[]> accepted = send(HttpRequest.newBuilder(uri("/api/v1/archive-jobs/fixity"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        JsonNode started = json.readTree(accepted.body());
        long id = started.get("id").asLong();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/v1/archive-jobs/" + id);
        assertThat(accepted.headers().firstValue("Retry-After")).isPresent();
        assertThat(started.get("kind").asText()).isEqualTo("FIXITY");
        assertThat(started.get("total").asInt()).isPositive();
        assertThat(started.at("/progress/total").asInt()).isEqualTo(started.get("total").asInt());
        assertThat(started.at("/links/self").asText()).isEqualTo("/api/v1/archive-jobs/" + id);

        String location = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode ended = Eventually.until(Duration.ofSeconds(120), () -> json.readTree(get(location).body()),
                s -> !s.get("state").asText().equals("RUNNING"));

        assertThat(ended.get("state").asText()).isEqualTo("DONE");
        assertThat(ended.at("/progress/done").asInt()).isEqualTo(ended.at("/progress/total").asInt());
        assertThat(ended.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(ended.get("message").asText()).contains("records checked");
        assertThat(ended.at("/links/result").asText()).isEqualTo(location);
        assertThat(ended.get("problem")).isNull();
        assertThat(ended.get("finishedAt").asText()).isNotBlank();
    }

    @Test
    void anUnknownJobIsAProblem() throws Exception {
        HttpResponse<byte[]> missing = get("/api/v1/archive-jobs/987654321");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("code").asText()).isEqualTo("JOB_NOT_FOUND");
    }

    private void archiveOneRecord() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        Multipart sign = new Multipart().field("key", "ubnd-binh-an").field("level", "B-T")
                .file("file", "cv.pdf", letter);
        HttpResponse<byte[]> signed = send(sign.post(uri("/api/v1/signatures")));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        Multipart record = new Multipart();
        ArchiveEndToEndTest.metadata(
                (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000)) + "/UBND-VP", null)
                .forEach(record::field);
        record.file("file", "cv.pdf", signed.body());
        HttpResponse<byte[]> created = send(record.post(uri("/api/v1/records")));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
