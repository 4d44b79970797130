package vn.kyso.api.audit;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import java.util.Optional;
import java.time.Duration;
import vn.kyso.core.testing.Eventually;

/** The audit trail through the running service: a signature is recorded, the chain verifies, a checkpoint holds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class AuditEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aSignatureIsAuditedAndTheChainVerifies() throws Exception {
        long before = json.readTree(get("/api/v1/audit/entries?limit=1").body()).at("/head/sequence").asLong();
        String actor = "van-thu-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));

        HttpResponse<byte[]> signed = signAs(actor, letter);
        assertThat(signed.statusCode()).as(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(200);

        JsonNode entry = awaitEntryBy(actor, before + 1);
        assertThat(entry.at("/event/action").asText()).isEqualTo("SIGN");
        assertThat(entry.at("/event/outcome").asText()).isEqualTo("OK");
        assertThat(entry.at("/event/target").asText()).isEqualTo("key:ubnd-binh-an");
        assertThat(entry.get("hash").asText()).hasSize(64);

        HttpResponse<byte[]> checkpoint = send(HttpRequest.newBuilder(uri("/api/v1/audit/checkpoints"))
                .header("X-Kyso-Actor", actor).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(checkpoint.statusCode()).as(new String(checkpoint.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json.readTree(checkpoint.body()).get("sequence").asLong()).isGreaterThanOrEqualTo(entry.get(
                "sequence").asLong());

        JsonNode verification = json.readTree(get("/api/v1/audit/verification").body());
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        assertThat(verification.get("checked").asLong()).isGreaterThan(before);
        assertThat(verification.get("checkpoints")).isNotEmpty();
        verification.get("checkpoints").forEach(c -> assertThat(c.get("valid").asBoolean()).isTrue());
    }

    @Test
    void aRefusedIngestIsAuditedAsRefused() throws Exception {
        long before = json.readTree(get("/api/v1/audit/entries?limit=1").body()).at("/head/sequence").asLong();
        String actor = "van-thu-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<byte[]> refused = postForm("/api/v1/records", actor, new String[][] {{"fondCode", "G09"}},
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        assertThat(refused.statusCode()).isEqualTo(400);

        JsonNode entry = awaitEntryBy(actor, before + 1);
        assertThat(entry.at("/event/action").asText()).isEqualTo("INGEST");
        assertThat(entry.at("/event/outcome").asText()).isEqualTo("REFUSED");
        assertThat(entry.at("/event/detail").asText()).isEqualTo("POST /api/v1/records -> HTTP 400");
    }

    /** The entry is appended as the request completes, which may be just after the client has the body. */
    private JsonNode awaitEntryBy(String actor, long from) throws Exception {
        Optional<JsonNode> entry = Eventually.until(Duration.ofSeconds(10), () -> {
            JsonNode page = json.readTree(get("/api/v1/audit/entries?from=" + from + "&limit=1000").body());
            for (JsonNode e : page.get("items")) {
                if (actor.equals(e.at("/event/actor").asText())) {
                    return Optional.of(e);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent);
        assertThat(entry).as("no audit entry by " + actor).isPresent();
        return entry.get();
    }

    private HttpResponse<byte[]> signAs(String actor, byte[] pdf) throws Exception {
        return postForm("/api/v1/signatures", actor, new String[][] {{"key", "ubnd-binh-an"}, {"level", "B-B"}}, pdf);
    }

    private HttpResponse<byte[]> postForm(String path, String actor, String[][] fields, byte[] pdf)
            throws Exception {
        String boundary = "kyso-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        for (String[] field : fields) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0]).append("\"\r\n\r\n").append(field[1]).append("\r\n");
        }
        head.append("--").append(boundary).append(
                "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cong-van.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + pdf.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(pdf, 0, body, start.length, pdf.length);
        System.arraycopy(end, 0, body, start.length + pdf.length, end.length);
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Kyso-Actor", actor)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
