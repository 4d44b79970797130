package vn.kyso.api.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The running service over HTTP: signing with the demo's keys and validating, each call time-bounded. */
final class ServiceClient {

    /** One multipart part: a form field (file == null) or a file. */
    record Part(String name, String value, String fileName, byte[] file) {

        static Part field(String name, String value) {
            return new Part(name, value, null, null);
        }

        static Part file(String name, String fileName, byte[] content) {
            return new Part(name, null, fileName, content);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final Duration timeout;

    ServiceClient(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** Signs through the API and returns the signed bytes; fails the test on anything but 200. */
    byte[] sign(String path, List<Part> parts) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = post(path, parts);
        if (r.statusCode() != 200) {
            throw new AssertionError("signing through " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** Validates one file (and its detached originals) and observes the answer. */
    Observation validate(String fileName, byte[] file, Map<String, byte[]> originals)
            throws IOException, InterruptedException {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.file("file", fileName, file));
        originals.forEach((name, bytes) -> parts.add(Part.file("original", name, bytes)));
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = post("/api/v1/validations", parts);
            return Observation.of(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (HttpTimeoutException e) {
            return Observation.timeout((System.nanoTime() - start) / 1_000_000);
        }
    }

    private HttpResponse<byte[]> post(String path, List<Part> parts) throws IOException, InterruptedException {
        String boundary = "kyso-corpus-" + UUID.randomUUID();
        List<byte[]> body = new ArrayList<>();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"").append(p.name()).append('"');
            if (p.file() == null) {
                body.add(head.append("\r\n\r\n").append(p.value()).append("\r\n").toString()
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                head.append("; filename=\"").append(p.fileName().replace("\"", "")).append('"')
                        .append("\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.add(head.toString().getBytes(StandardCharsets.UTF_8));
                body.add(p.file());
                body.add("\r\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
