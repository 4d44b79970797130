package vn.kyso.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * One cause, one code, on every endpoint that takes an upload, through the running service (the
 * container's own multipart limit included): an empty file, a request over kyso.api.max-upload-size (its
 * limit stated in the text and as maxUploadBytes), an encrypted PDF; each answered in English by default
 * and in Vietnamese when Accept-Language asks for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class UploadCausesEndToEndTest {

    /** The default of kyso.api.max-upload-size (application.yml), which this shared context keeps. */
    private static final long LIMIT = 25L * 1024 * 1024;

    /** Every endpoint that takes a file; the path alone decides, the guard runs before the fields are read. */
    private static final List<String> UPLOADS = List.of(
            "/api/v1/signatures",
            "/api/v1/signatures/batch",
            "/api/v1/signatures/containers",
            "/api/v1/signatures/qr-codes",
            "/api/v1/signatures/prepare",
            "/api/v1/validations",
            "/api/v1/validations/signed-revision",
            "/api/v1/issued-documents/VB-KHONGCO23456/comparison",
            "/api/v1/records",
            "/api/v1/conversions",
            "/api/v1/letters",
            "/api/v1/letters/00000000-0000-4000-8000-000000000000/issue",
            "/api/v1/exchange/outgoing");

    /** Checking reads take an encrypted PDF as it is; so does a container, which wraps the bytes unchanged. */
    private static final List<String> TAKES_ENCRYPTED = List.of("/api/v1/validations",
            "/api/v1/validations/signed-revision", "/api/v1/issued-documents/VB-KHONGCO23456/comparison",
            "/api/v1/signatures/containers");

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void anEmptyFileIsEmptyDocumentEverywhere() throws Exception {
        for (String path : UPLOADS) {
            JsonNode en = problem(path, new byte[0], "kq.pdf", null, 400);
            assertThat(en.path("code").asText()).as(path).isEqualTo("EMPTY_DOCUMENT");
            assertThat(en.path("title").asText()).as(path).isEqualTo("Empty document");
            assertThat(en.path("detail").asText()).as(path).contains("kq.pdf").contains("empty");
            JsonNode vi = problem(path, new byte[0], "kq.pdf", "vi-VN,vi;q=0.9,en;q=0.5", 400);
            assertThat(vi.path("code").asText()).as(path).isEqualTo("EMPTY_DOCUMENT");
            assertThat(vi.path("title").asText()).as(path).isEqualTo("Tệp rỗng");
            assertThat(vi.path("detail").asText()).as(path).contains("không có nội dung");
            assertThat(vi.path("detailEn").asText()).as(path).isEqualTo(en.path("detail").asText());
        }
    }

    @Test
    void anUploadOverTheLimitIsUploadTooLargeWithTheLimitStated() throws Exception {
        byte[] big = new byte[(int) LIMIT + 1];
        big[0] = '%';
        for (String path : UPLOADS) {
            JsonNode en = problem(path, big, "lon.pdf", "en", 413);
            assertThat(en.path("code").asText()).as(path).isEqualTo("UPLOAD_TOO_LARGE");
            assertThat(en.path("maxUploadBytes").asLong()).as(path).isEqualTo(LIMIT);
            assertThat(en.path("detail").asText()).as(path).contains("25 MB").contains(Long.toString(LIMIT));
            JsonNode vi = problem(path, big, "lon.pdf", "vi", 413);
            assertThat(vi.path("code").asText()).as(path).isEqualTo("UPLOAD_TOO_LARGE");
            assertThat(vi.path("detail").asText()).as(path).contains("vượt quá giới hạn 25 MB");
        }
    }

    @Test
    void anEncryptedPdfIsEncryptedPdfWhereverItWouldBeChanged() throws Exception {
        for (String fixture : List.of("encrypted-owner.pdf", "encrypted-user.pdf")) {
            byte[] pdf = resource("/uploads/" + fixture);
            for (String path : UPLOADS) {
                if (TAKES_ENCRYPTED.contains(path)) {
                    continue;
                }
                JsonNode en = problem(path, pdf, fixture, null, 422);
                assertThat(en.path("code").asText()).as(path + " " + fixture).isEqualTo("ENCRYPTED_PDF");
                assertThat(en.path("detail").asText()).as(path).contains("encrypted PDF");
                JsonNode vi = problem(path, pdf, fixture, "vi", 422);
                assertThat(vi.path("title").asText()).as(path).isEqualTo("Tệp PDF được mã hóa");
            }
        }
        // The public check of an owner-encrypted signed PDF is not refused for its encryption.
        byte[] owner = resource("/uploads/encrypted-owner.pdf");
        HttpResponse<byte[]> checked = post("/api/v1/validations", owner, "encrypted-owner.pdf", null);
        assertThat(checked.statusCode()).as(new String(checked.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    }

    private JsonNode problem(String path, byte[] file, String name, String language, int status) throws Exception {
        HttpResponse<byte[]> r = post(path, file, name, language);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(path + ": " + body).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(path + ": " + body).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("Content-Language")).as(path)
                .hasValue(language != null && language.startsWith("vi") ? "vi" : "en");
        return json.readTree(r.body());
    }

    /** Multipart POST of one file part. */
    private HttpResponse<byte[]> post(String path, byte[] file, String name, String language) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 512);
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] body = out.toByteArray();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpRequest built = request.build();
        // Over the public rate limit (shared by every test of this JVM) the request is tried again at the pace
        // the limit refills: one token every two seconds.
        return Eventually.until(Duration.ofSeconds(120), Duration.ofSeconds(2),
                () -> http.send(built, HttpResponse.BodyHandlers.ofByteArray()), r -> r.statusCode() != 429);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UploadCausesEndToEndTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
