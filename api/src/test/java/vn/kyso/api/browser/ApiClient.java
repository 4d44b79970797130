package vn.kyso.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import vn.kyso.core.testing.Eventually;

/**
 * The HTTP side of the browser tests, as a clerk's or agency's system calls the service to seed what the
 * pages then show: multipart posts, GETs, signing and archiving. The public endpoints are rate-limited for
 * the whole test JVM, so every call answered 429 is sent again once its Retry-After has passed (waiting
 * through {@link Eventually}, never a fixed sleep); any other answer is the caller's to check.
 */
public final class ApiClient {

    /** How long a call may keep being refused by the rate limit before the last refusal is handed back. */
    static final Duration RATE_LIMIT_PATIENCE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** A GET of {@code pathAndQuery} or of an absolute address on this server. */
    public HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(pathAndQuery.startsWith("http") ? URI.create(pathAndQuery)
                : uri(pathAndQuery)).GET());
    }

    /** A multipart POST: the text fields in their order, then {@code file} as the part "file". */
    public HttpResponse<byte[]> post(String path, byte[] file, Map<String, String> fields,
            Map<String, String> headers) throws Exception {
        return post(path, "file", "van-ban.pdf", file, fields, headers);
    }

    /** A multipart POST: the text fields in their order, then one file part named {@code fileField}. */
    public HttpResponse<byte[]> post(String path, String fileField, String fileName, byte[] file,
            Map<String, String> fields, Map<String, String> headers) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        headers.forEach(b::header);
        return send(b);
    }

    /** The PDF signed at B-T by one of the demo PKI's keys. */
    public byte[] sign(byte[] pdf, String key) throws Exception {
        HttpResponse<byte[]> r = post("/api/v1/signatures", pdf, Map.of("key", key, "level", "B-T"), Map.of());
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return r.body();
    }

    /** Ingests the file with this metadata; the created record's JSON. */
    public byte[] archive(byte[] pdf, Map<String, String> metadata, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> created = post("/api/v1/records", pdf, metadata, headers);
        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        return created.body();
    }

    /**
     * Sends the request, and again after each 429 once the Retry-After it named has passed (one second when
     * it named none): the last answer, which is a 429 only when the limit refused for the whole patience.
     */
    public HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        Instant[] notBefore = {Instant.MIN};
        AtomicReference<HttpResponse<byte[]>> last = new AtomicReference<>();
        Eventually.until(RATE_LIMIT_PATIENCE, Duration.ofMillis(250), () -> {
            if (Instant.now().isBefore(notBefore[0])) {
                return false;
            }
            last.set(http.send(built, HttpResponse.BodyHandlers.ofByteArray()));
            if (last.get().statusCode() != 429) {
                return true;
            }
            notBefore[0] = Instant.now().plusSeconds(retryAfter(last.get()));
            return false;
        }, done -> done);
        return last.get();
    }

    private static long retryAfter(HttpResponse<?> r) {
        try {
            return Math.max(1, Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    public static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    public static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
