package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The service's HTTP API as the CLI uses it: credentials from the environment on every request, problems
 * turned into {@link ApiProblem}, and 429 answers waited out as their Retry-After asks (a few times).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY_HEADER = "X-Kyso-Api-Key";
    /** Waits longer than this are not worth holding a shell for: the problem is shown instead. */
    private static final long MAX_RETRY_AFTER_SECONDS = 60;
    private static final int MAX_RETRIES = 5;

    private final URI base;
    private final String apiKey;
    private final String token;
    private final String language;
    private final HttpClient http;

    Api(URI base, String apiKey, String token, String language) {
        this.base = base;
        this.apiKey = blankToNull(apiKey);
        this.token = blankToNull(token);
        this.language = language;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI base() {
        return base;
    }

    /** One answer: its status, headers and body. */
    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The file name of a Content-Disposition attachment, UTF-8 form preferred (RFC 6266). */
        Optional<String> filename() {
            return header("Content-Disposition").flatMap(Api::filenameOf);
        }
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return get(path, "application/json").json();
    }

    Response get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).GET());
    }

    Response get(String path, String accept, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Accept", accept).GET();
        headers.forEach(b::header);
        return send(b);
    }

    Response post(String path, Multipart form, String accept, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Accept", accept).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArrays(form.body()));
        headers.forEach(b::header);
        return send(b);
    }

    Response post(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30));
        if (apiKey != null) {
            b.header(API_KEY_HEADER, apiKey);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Optional<String> retryAfter = r.headers().firstValue("Retry-After");
            if (r.statusCode() == 429 && attempt < MAX_RETRIES && retryAfter.map(Api::seconds).orElse(-1L) >= 0
                    && seconds(retryAfter.get()) <= MAX_RETRY_AFTER_SECONDS) {
                // The public endpoints are rate-limited; a well-behaved client waits as told.
                Thread.sleep(Math.max(1, seconds(retryAfter.get())) * 1000);
                continue;
            }
            if (r.statusCode() >= 400) {
                throw ApiProblem.of(r.statusCode(), parse(r.body()), retryAfter.orElse(null));
            }
            return new Response(r.statusCode(), r.headers(), r.body());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null; // not a problem document (a proxy's HTML page): shown by status alone
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Optional<String> filenameOf(String disposition) {
        int star = disposition.indexOf("filename*=UTF-8''");
        if (star >= 0) {
            String encoded = disposition.substring(star + "filename*=UTF-8''".length()).split(";", 2)[0].strip();
            return Optional.of(java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        int plain = disposition.indexOf("filename=\"");
        if (plain >= 0) {
            String rest = disposition.substring(plain + "filename=\"".length());
            int end = rest.indexOf('"');
            return end > 0 ? Optional.of(rest.substring(0, end)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
