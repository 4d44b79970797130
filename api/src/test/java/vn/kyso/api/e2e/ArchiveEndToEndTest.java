package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
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
import java.time.Duration;
import vn.kyso.core.testing.Eventually;

/**
 * The archive through the running service: a clerk signs a result letter with a QR code, the archive
 * ingests it (real PostgreSQL, filesystem store), an archivist finds and exports it, and a citizen's
 * copy is compared with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class ArchiveEndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    /** The archive persists between runs of the suite, so each run files its records apart. */
    static final String FILE_CODE = "G09.E2E." + UUID.randomUUID().toString().substring(0, 8);

    static Map<String, String> metadata(String number, String documentId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fondCode", "G09");
        m.put("fileCode", FILE_CODE);
        m.put("numberSymbol", number);
        m.put("documentDate", "2026-11-20");
        m.put("documentType", "Quyết định");
        m.put("issuer", "Ủy ban nhân dân tỉnh Bình An");
        m.put("subject", "Cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình");
        m.put("preservation", "20");
        m.put("accessRegime", "public");
        if (documentId != null) {
            m.put("documentId", documentId);
        }
        return m;
    }

    @Test
    void ingestFindRetrieveExportAndCompare() throws Exception {
        String documentId = "HS-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        HttpResponse<byte[]> stamped = post("/api/v1/signatures/qr-codes", letter, Map.of("documentId", documentId));
        assertThat(stamped.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> signature = post("/api/v1/signatures", stamped.body(), Map.of("key", "ubnd-binh-an",
                "level", "B-T"));
        assertThat(signature.statusCode()).as(new String(signature.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        byte[] signed = signature.body();

        HttpResponse<byte[]> created = post("/api/v1/records", signed, metadata("77/QĐ-UBND", documentId),
                Map.of("X-Kyso-Actor", "van-thu-01"));
        assertThat(created.statusCode()).as(new String(created.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode record = json.readTree(created.body());
        String id = record.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/records/" + id);
        assertThat(record.at("/validation/verdict").asText()).isEqualTo("VALID");
        assertThat(record.at("/evidence/augmented").asBoolean()).isTrue();
        assertThat(record.at("/history/0/actor").asText()).isEqualTo("van-thu-01");

        HttpResponse<byte[]> again = post("/api/v1/records", signed, metadata("78/QĐ-UBND", null), Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("existingRecordId").asText()).isEqualTo(id);

        JsonNode hits = json.readTree(get("/api/v1/records?q=" + enc("giay chung nhan quyen su dung dat")
                + "&fileCode=" + FILE_CODE).body());
        assertThat(hits.get("total").asLong()).isEqualTo(1);
        assertThat(hits.at("/items/0/id").asText()).isEqualTo(id);

        assertThat(get("/api/v1/records/" + id + "/content").body()).isEqualTo(signed);
        HttpResponse<byte[]> evidence = get("/api/v1/records/" + id + "/evidence");
        assertThat(evidence.headers().firstValue("Content-Type")).hasValue("application/zip");
        HttpResponse<byte[]> bag = get("/api/v1/records/" + id + "/package");
        assertThat(bag.statusCode()).isEqualTo(200);
        assertThat(new String(bag.body(), StandardCharsets.ISO_8859_1)).contains("bagit.txt");
        assertThat(get("/api/v1/files/G09/" + FILE_CODE + "/package").statusCode()).isEqualTo(200);

        // The synchronous answer jobs gave before 202 Accepted, now asked for explicitly (RFC 7240 wait).
        HttpResponse<byte[]> fixity = send(HttpRequest.newBuilder(uri("/api/v1/archive-jobs/fixity"))
                .header("Prefer", "wait=120").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(fixity.statusCode()).isEqualTo(200);
        assertThat(json.readTree(fixity.body()).get("state").asText()).isEqualTo("DONE");

        JsonNode same = json.readTree(post("/api/v1/issued-documents/" + documentId + "/comparison", signed,
                Map.of(), Map.of()).body());
        assertThat(same.get("match").asText()).isEqualTo("IDENTICAL");
        assertThat(same.at("/record/numberSymbol").asText()).isEqualTo("77/QĐ-UBND");
        JsonNode other = json.readTree(post("/api/v1/issued-documents/" + documentId + "/comparison", letter,
                Map.of(), Map.of()).body());
        assertThat(other.get("match").asText()).isEqualTo("DIFFERENT");
    }

    @Test
    void aBulkTransferIsAcceptedAtOnceAndArchivedInTheBackground() throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-ba-trang.pdf"));
        HttpResponse<byte[]> signature = post("/api/v1/signatures", letter, Map.of("key", "so-noi-vu-binh-an",
                "level", "B-LTA"));
        assertThat(signature.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> accepted = post("/api/v1/records", signature.body(), metadata("79/SNV-VP", null),
                Map.of("Prefer", "respond-async"));

        assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        String id = json.readTree(accepted.body()).get("id").asText();
        assertThat(json.readTree(accepted.body()).get("state").asText()).isEqualTo("ACCEPTED");
        JsonNode record = Eventually.until(Duration.ofSeconds(60), () -> json.readTree(get("/api/v1/records/" + id).body()),
                r -> !r.get("state").asText().equals("ACCEPTED"));
        assertThat(record.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(record.at("/validation/verdict").asText()).isEqualTo("VALID");
        assertThat(get("/api/v1/records/" + id + "/content").body()).isEqualTo(signature.body());
    }

    @Test
    void badMetadataListsEveryFieldAtFault() throws Exception {
        Map<String, String> m = metadata("", null);
        m.put("documentDate", "20/11/2026");
        m.put("preservation", "7");
        HttpResponse<byte[]> r = post("/api/v1/records", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), m, Map.of());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("code").asText()).isEqualTo("METADATA_INVALID");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("numberSymbol", "documentDate", "preservation");
    }

    @Test
    void unknownRecordsAndJobsAreClearErrors() throws Exception {
        HttpResponse<byte[]> missing = get("/api/v1/records/" + UUID.randomUUID());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("code").asText()).isEqualTo("RECORD_NOT_FOUND");
        assertThat(get("/api/v1/records?size=1000").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/records?from=yesterday").statusCode()).isEqualTo(400);
        HttpResponse<byte[]> job = send(HttpRequest.newBuilder(uri("/api/v1/archive-jobs/defrag"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(job.statusCode()).isEqualTo(400);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields) throws Exception {
        return post(path, file, fields, Map.of());
    }

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields,
            Map<String, String> headers) throws Exception {
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
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        headers.forEach(b::header);
        return send(b);
    }
}
