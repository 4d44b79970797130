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
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.kyso.core.testing.Eventually;

/**
 * The running service as the archive's end-to-end tests reach it: one JDK client on the server's port, and
 * a job's status URL followed until the job has ended (the 202 Accepted answers of issue #14), and a
 * signed record archived for a job to work on.
 */
abstract class RunningService {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    /** Asks a job's status URL again until its state is no longer RUNNING; every answer must be 200. */
    JsonNode followToTheEnd(String location) throws Exception {
        return Eventually.until(Duration.ofSeconds(120), Duration.ofMillis(200), () -> {
            HttpResponse<byte[]> r = get(location);
            assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
            return json.readTree(r.body());
        }, s -> !s.get("state").asText().equals("RUNNING"));
    }

    /**
     * Signs the one-page sample letter (B-T) and archives it under a number of the given office, one new
     * each time (the archive persists between runs of the suite); returns the record's id.
     */
    String archiveOneRecord(String office) throws Exception {
        byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        Multipart sign = new Multipart().field("key", "ubnd-binh-an").field("level", "B-T")
                .file("file", "cv.pdf", letter);
        HttpResponse<byte[]> signed = send(sign.post(uri("/api/v1/signatures")));
        assertThat(signed.statusCode()).as(text(signed)).isEqualTo(200);
        Multipart record = new Multipart();
        ArchiveEndToEndTest.metadata(
                (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000)) + "/" + office, null)
                .forEach(record::field);
        record.file("file", "cv.pdf", signed.body());
        HttpResponse<byte[]> created = send(record.post(uri("/api/v1/records")));
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        return json.readTree(created.body()).get("id").asText();
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
