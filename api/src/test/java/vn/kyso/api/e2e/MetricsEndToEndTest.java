package vn.kyso.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * The service's own meters on {@code /actuator/prometheus}, after real work through the API: signatures
 * on the demo HSM with the demo TSA and OCSP, a validation, two ingests. Counts are compared with a scrape
 * taken before, since other tests share the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kyso.demo.enabled=true",
        "kyso.demo.directory=${kyso.test.workdir:target/test-work}/api-demo-pki",
        "kyso.demo.port=0"})
class MetricsEndToEndTest {

    static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$",
            Pattern.MULTILINE);
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void signaturesValidationsIngestsAndOutsideCallsAreMeteredWithTheirTags() throws Exception {
        String before = scrape();
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));

        HttpResponse<byte[]> signed = post("/api/v1/signatures", letter,
                Map.of("key", "ubnd-binh-an", "level", "B-LT"), Map.of());
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        HttpResponse<byte[]> refused = post("/api/v1/signatures", letter,
                Map.of("key", "het-han", "level", "B-T"), Map.of());
        assertThat(refused.statusCode()).as(text(refused)).isEqualTo(422);
        // The public endpoint's limit may be used up by earlier tests of the shared context: ask again
        // until it is not 429.
        HttpResponse<byte[]> validated = Eventually.until(Duration.ofSeconds(60), Duration.ofSeconds(2),
                () -> post("/api/v1/validations", signed.body(), Map.of(), Map.of()), r -> r.statusCode() != 429);
        assertThat(validated.statusCode()).as(text(validated)).isEqualTo(200);
        Map<String, String> metadata = ArchiveEndToEndTest.metadata(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 10_000) + "/QĐ-UBND", null);
        HttpResponse<byte[]> archived = post("/api/v1/records", signed.body(), metadata, Map.of());
        assertThat(archived.statusCode()).as(text(archived)).isEqualTo(201);
        HttpResponse<byte[]> again = post("/api/v1/records", signed.body(), metadata, Map.of());
        assertThat(again.statusCode()).as(text(again)).isEqualTo(409);

        String after = scrape();
        Map<String, String> pades = Map.of("format", "pades", "level", "b-lt", "outcome", "ok");
        assertThat(delta(before, after, "kyso_signatures_total", pades)).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "kyso_signature_duration_seconds_count", pades)).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "kyso_signature_duration_seconds_sum", pades)).isPositive();
        assertThat(delta(before, after, "kyso_signatures_total", Map.of("outcome", "CERTIFICATE_EXPIRED")))
                .isGreaterThanOrEqualTo(1);
        // The HSM signed, the TSA stamped and the OCSP responder answered for B-LT.
        assertThat(delta(before, after, "kyso_hsm_sign_duration_seconds_count", Map.of("outcome", "ok")))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "kyso_tsa_duration_seconds_count", Map.of("outcome", "ok")))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "kyso_ocsp_duration_seconds_count", Map.of("outcome", "ok")))
                .isGreaterThanOrEqualTo(1);
        // Each audited request above (the signature, the refused one, the two ingests) waited for its entry.
        assertThat(delta(before, after, "kyso_audit_append_duration_seconds_count", Map.of("outcome", "ok")))
                .isGreaterThanOrEqualTo(4);
        assertThat(value(after, "kyso_audit_append_duration_seconds_sum", Map.of("outcome", "ok"))).isPositive();
        assertThat(delta(before, after, "kyso_validation_verdicts_total", Map.of("indication", "VALID")))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "kyso_validation_duration_seconds_count", Map.of("outcome", "ok")))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "kyso_archive_ingests_total", Map.of("mode", "ingest", "outcome", "ok")))
                .isEqualTo(1);
        assertThat(delta(before, after, "kyso_archive_ingests_total", Map.of("mode", "ingest")))
                .as("the duplicate counted under its error code").isEqualTo(2);
        assertThat(value(after, "kyso_archive_ingest_backlog", Map.of())).isGreaterThanOrEqualTo(0);
        // The bulk ingest rate's counter, one series per outcome.
        assertThat(after).contains("kyso_archive_ingest_processed_total{", "outcome=\"ok\"", "outcome=\"failed\"");
        assertThat(after).contains("kyso_archive_job_processed{", "kind=\"fixity\"");
        // Spring's own meters come along: HTTP requests, JVM.
        assertThat(after).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{");
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when there are none. */
    static double value(String scrape, String name, Map<String, String> labels) {
        double sum = 0;
        Matcher m = LINE.matcher(scrape);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                continue;
            }
            String found = m.group(3) == null ? "" : m.group(3);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(m.group(4));
            }
        }
        return sum;
    }

    static double delta(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields,
            Map<String, String> headers) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : new LinkedHashMap<>(fields).entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
