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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A result document's life as the citizen sees it: QR code stamped, signed by the person and the
 * organisation, archived, then compared through the public API with the original the QR code names.
 * The link's hash plays no part: anyone can print one for their own file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class QrVerificationEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void onlyTheArchivedDocumentAndItsSignedRevisionsMatchTheQrCode() throws Exception {
        // The test archive persists between runs: each run issues its own document number.
        String documentId = "KQ-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = post("/api/v1/signatures/qr-codes", letter, Map.of("documentId", documentId));
        assertThat(stamped.statusCode()).isEqualTo(200);
        String h = stamped.headers().firstValue("X-Document-Sha256").orElseThrow();

        byte[] person = post("/api/v1/signatures", stamped.body(), Map.of("key", "tran-thi-bich-ngoc",
                "level", "B-T", "appearance", "person")).body();
        HttpResponse<byte[]> signed = post("/api/v1/signatures", person, Map.of("key", "ubnd-binh-an",
                "level", "B-T", "appearance", "organisation"));
        assertThat(signed.statusCode()).isEqualTo(200);
        archive(signed.body(), documentId);

        assertThat(compare(documentId, signed.body()).path("match").asText()).isEqualTo("IDENTICAL");
        byte[] countersigned = post("/api/v1/signatures", signed.body(), Map.of("key", "ubnd-binh-an",
                "level", "B-T")).body();
        assertThat(compare(documentId, countersigned).path("match").asText()).isEqualTo("EXTENDS_ORIGINAL");

        // A forger's own letter, with a QR code carrying the genuine number, signed by a trusted key.
        byte[] other = Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf"));
        byte[] forgedStamp = post("/api/v1/signatures/qr-codes", other, Map.of("documentId", documentId)).body();
        byte[] forged = post("/api/v1/signatures", forgedStamp, Map.of("key", "ubnd-binh-an", "level", "B-T")).body();
        assertThat(compare(documentId, forged).path("match").asText()).isEqualTo("DIFFERENT");
        assertThat(compare("KQ-KHONG-CO-" + documentId.substring(7), signed.body()).path("match").asText())
                .isEqualTo("NOT_ARCHIVED");
        byte[] tampered = signed.body().clone();
        tampered[tampered.length / 2] ^= 0x01;
        assertThat(compare(documentId, tampered).path("match").asText()).isEqualTo("DIFFERENT");

        // The validation answers about signatures only; the link's hash, if sent, changes nothing.
        HttpResponse<byte[]> check = post("/api/v1/validations", forged, Map.of("expectedSha256", h));
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.headers().firstValue("X-Validation-Verdict")).hasValue("VALID");
        assertThat(check.headers().map()).doesNotContainKey("x-issued-original-match");
    }

    private void archive(byte[] pdf, String documentId) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", "G09.E2E." + documentId.substring(7));
        m.put("numberSymbol", "88/KQ-UBND");
        m.put("documentDate", "2026-06-01");
        m.put("documentType", "Kết quả giải quyết thủ tục hành chính");
        m.put("issuer", "Ủy ban nhân dân tỉnh Bình An");
        m.put("subject", "Kết quả giải quyết thủ tục hành chính");
        m.put("preservation", "10");
        m.put("accessRegime", "public");
        m.put("documentId", documentId);
        HttpResponse<byte[]> created = post("/api/v1/records", pdf, m);
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    }

    private JsonNode compare(String documentId, byte[] copy) throws Exception {
        HttpResponse<byte[]> r = post("/api/v1/issued-documents/" + documentId + "/comparison", copy, Map.of());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.body());
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
