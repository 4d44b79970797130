package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.Indication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.DssVerdicts;

/**
 * The whole service as a user meets it: the Spring Boot application with the demo PKI and its SoftHSM2
 * tokens, called over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class SigningEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DemoPki pki;

    @Test
    void personThenOrganisationSignatureThroughTheApiGivesALetterWithTwoValidSignatures() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));

        HttpResponse<byte[]> person = sign(letter, Map.of("key", "tran-thi-bich-ngoc", "level", "B-T",
                "appearance", "person"));
        assertThat(person.statusCode()).as(body(person)).isEqualTo(200);
        assertThat(person.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/pdf"));

        HttpResponse<byte[]> both = sign(person.body(), Map.of("key", "ubnd-binh-an", "level", "B-LTA",
                "appearance", "organisation"));
        assertThat(both.statusCode()).as(body(both)).isEqualTo(200);
        assertThat(both.headers().firstValue("X-Signature-Level")).isPresent();

        List<DssVerdicts.Verdict> verdicts = DssVerdicts.validate(pki, both.body());
        assertThat(verdicts).extracting(DssVerdicts.Verdict::indication)
                .containsExactly(Indication.TOTAL_PASSED, Indication.TOTAL_PASSED);
    }

    @Test
    void stampsAVerificationQrCodeThatKeepsTheOriginalBytes() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> r = post("/api/v1/signatures/qr-codes", letter, Map.of("documentId", "KQ-2026-0001"));

        assertThat(r.statusCode()).as(body(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Document-Id")).hasValue("KQ-2026-0001");
        String sha = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(letter));
        assertThat(r.headers().firstValue("X-Document-Sha256")).hasValue(sha);
        assertThat(r.headers().firstValue("X-Verify-Link")).hasValueSatisfying(
                // An id the issuer chose opens the public lookup only with the link's token (ADR 0020).
                link -> assertThat(link).matches(".*/verify\\?id=KQ-2026-0001&h=" + sha + "&t=[A-Za-z0-9_-]{16}"));
        assertThat(java.util.Arrays.equals(r.body(), 0, letter.length, letter, 0, letter.length)).isTrue();
    }

    @Test
    void listsTheDemoKeys() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/keys")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(r.body());
        List<String> ids = new ArrayList<>();
        keys.forEach(k -> ids.add(k.get("id").asText()));
        assertThat(ids).contains("ubnd-binh-an", "tran-thi-bich-ngoc", "pham-thu-ha", "cong-ty-sao-mai");
    }

    @Test
    void badInputGetsProblemResponsesWithStableCodes() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        byte[] text = "not a pdf".getBytes(StandardCharsets.UTF_8);

        assertProblem(sign(text, Map.of("key", "ubnd-binh-an", "format", "PADES")), 415, "NOT_A_PDF");
        assertProblem(sign(letter, Map.of("key", "khong-ton-tai")), 404, "KEY_NOT_FOUND");
        assertProblem(sign(letter, Map.of("key", "het-han")), 422, "CERTIFICATE_EXPIRED");
        assertProblem(sign(letter, Map.of("key", "pham-thu-ha", "family", "SPECIALISED")), 422,
                "KEY_FAMILY_MISMATCH");
        assertProblem(sign(letter, Map.of("key", "ubnd-binh-an", "level", "B-X")), 400, "INVALID_REQUEST");
        byte[] broken = java.util.Arrays.copyOf(letter, letter.length / 2);
        assertProblem(sign(broken, Map.of("key", "ubnd-binh-an")), 422, "MALFORMED_DOCUMENT");
    }

    @Test
    void aTimeStampAuthorityThatIsDownGives503WithRetryAfter() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        pki.setRespondersAvailable(false);
        try {
            HttpResponse<byte[]> r = sign(letter, Map.of("key", "pham-thu-ha", "level", "B-T"));
            assertProblem(r, 503, "TSA_UNAVAILABLE");
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        } finally {
            pki.setRespondersAvailable(true);
        }
        assertThat(sign(letter, Map.of("key", "pham-thu-ha", "level", "B-T")).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndOpenApiAreServed() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");

        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/signatures", "/api/v1/keys");
    }

    private void assertProblem(HttpResponse<byte[]> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(body(r)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(body(r)).doesNotContain("Exception", "at vn.kyso", "/work/", "/tmp/");
    }

    private HttpResponse<byte[]> sign(byte[] file, Map<String, String> fields) throws Exception {
        return post("/api/v1/signatures", file, fields);
    }

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : new LinkedHashMap<>(fields).entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"công văn.pdf\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
