package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A result document's life as the citizen sees it: QR code stamped, signed by the person and the
 * organisation, then checked through the public API with the QR link's hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class QrVerificationEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aSignedResultDocumentMatchesTheOriginalNamedByItsQrCode() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = post("/api/v1/signatures/qr-codes", letter, Map.of());
        assertThat(stamped.statusCode()).isEqualTo(200);
        String h = stamped.headers().firstValue("X-Document-Sha256").orElseThrow();

        byte[] person = post("/api/v1/signatures", stamped.body(), Map.of("key", "tran-thi-bich-ngoc",
                "level", "B-T", "appearance", "person")).body();
        HttpResponse<byte[]> signed = post("/api/v1/signatures", person, Map.of("key", "ubnd-binh-an",
                "level", "B-LTA", "appearance", "organisation"));
        assertThat(signed.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> check = post("/api/v1/validations", signed.body(), Map.of("expectedSha256", h));
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.headers().firstValue("X-Validation-Verdict")).hasValue("VALID");
        assertThat(check.headers().firstValue("X-Issued-Original-Match")).hasValue("true");
        assertThat(new ObjectMapper().readTree(check.body()).get("signatures").size()).isEqualTo(2);

        byte[] otherLetter = Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf"));
        HttpResponse<byte[]> other = post("/api/v1/validations", otherLetter, Map.of("expectedSha256", h));
        assertThat(other.headers().firstValue("X-Issued-Original-Match")).hasValue("false");
        assertThat(other.headers().firstValue("X-Validation-Verdict")).hasValue("UNSIGNED");
    }

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kq.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
