package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A detached JAdES through the running service: signed over HTTP (it answered 500 "SigDMechanism is
 * not defined" before), then validated over HTTP with its original, and refused without it; the
 * compact serialisation at B-B, and a clear 400 for it above.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class JadesEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] RESULT = "{\"maHoSo\":\"H12.34-261123-0001\",\"ketQua\":\"Đã cấp\"}"
            .getBytes(StandardCharsets.UTF_8);
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Part(String name, String filename, byte[] content) {
    }

    @Test
    void aDetachedJadesIsSignedAndValidatedWithItsOriginal() throws Exception {
        for (String serialization : List.of("JSON_FLATTENED", "JSON", "COMPACT")) {
            String level = serialization.equals("COMPACT") ? "B-B" : "B-T";
            HttpResponse<byte[]> signed = post("/api/v1/signatures", List.of(field("key", "cong-ty-sao-mai"),
                    field("format", "JADES"), field("packaging", "DETACHED"), field("level", level),
                    field("jwsSerialization", serialization), new Part("file", "ket-qua.json", RESULT)));
            assertThat(signed.statusCode()).as(body(signed)).isEqualTo(200);

            HttpResponse<byte[]> valid = post("/api/v1/validations", List.of(
                    new Part("file", "ket-qua.jws", signed.body()), new Part("original", "ket-qua.json", RESULT)));
            assertThat(valid.statusCode()).as(body(valid)).isEqualTo(200);
            JsonNode report = JSON.readTree(valid.body());
            assertThat(report.get("verdict").asText()).as(serialization + ": " + body(valid)).isEqualTo("VALID");
            assertThat(report.at("/signatures/0/coverage/code").asText()).isEqualTo("DETACHED_ORIGINAL");

            HttpResponse<byte[]> alone = post("/api/v1/validations", List.of(
                    new Part("file", "ket-qua.jws", signed.body())));
            assertThat(alone.statusCode()).as(body(alone)).isEqualTo(422);
            assertThat(JSON.readTree(alone.body()).get("code").asText()).isEqualTo("ORIGINAL_REQUIRED");
        }
    }

    @Test
    void compactAboveBaselineBIsABadRequestInBothLanguages() throws Exception {
        HttpResponse<byte[]> r = post("/api/v1/signatures", List.of(field("key", "cong-ty-sao-mai"),
                field("format", "JADES"), field("level", "B-T"), field("jwsSerialization", "compact"),
                new Part("file", "ket-qua.json", RESULT)));
        assertThat(r.statusCode()).as(body(r)).isEqualTo(400);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("COMPACT_SERIALIZATION_LEVEL");
        assertThat(problem.get("detail").asText()).contains("B-B");
        assertThat(problem.get("detailVi").asText()).contains("chỉ dùng được ở mức B-B");
    }

    private static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> post(String path, List<Part> parts) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            String disposition = "form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"");
            out.write(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (p.filename() == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(p.content());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        // The public validation endpoint is rate-limited per client, and every end-to-end test of this
        // shared context posts from 127.0.0.1: behave as a client should and wait as told (not under test here).
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 429 || attempt == 30) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

}
