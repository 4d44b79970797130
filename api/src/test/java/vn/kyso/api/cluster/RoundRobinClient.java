package vn.kyso.api.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What a load balancer does in front of a cluster, as a client: each request to the next instance in
 * turn. Counts the requests each instance answered. The caller is named by {@code X-Kyso-Actor} (the
 * suite runs with access control off, where that header names the principal).
 */
final class RoundRobinClient {

    /** A multipart form part: a text field, or a file when {@code filename} is set. */
    record Part(String name, String filename, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String filename, byte[] content) {
            return new Part("file", filename, content);
        }
    }

    private final List<URI> instances;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicIntegerArray answered;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RoundRobinClient(List<URI> instances) {
        this.instances = List.copyOf(instances);
        this.answered = new AtomicIntegerArray(instances.size());
    }

    /** The instance the next request goes to. */
    int next() {
        return Math.floorMod(turn.getAndIncrement(), instances.size());
    }

    /** An instance other than {@code instance}: the next one after it. */
    int other(int instance) {
        return (instance + 1) % instances.size();
    }

    List<Integer> perInstance() {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < answered.length(); i++) {
            counts.add(answered.get(i));
        }
        return counts;
    }

    HttpResponse<byte[]> get(int instance, String path, String actor) throws Exception {
        return send(instance, request(instance, path, actor).GET());
    }

    HttpResponse<byte[]> postJson(int instance, String path, String actor, String body) throws Exception {
        return send(instance, request(instance, path, actor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<byte[]> post(int instance, String path, String actor, List<Part> parts) throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        List<byte[]> body = new ArrayList<>();
        for (Part p : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + p.filename() + "\"\r\nContent-Type: "
                    + "application/octet-stream") + "\r\n\r\n";
            body.add(head.getBytes(StandardCharsets.UTF_8));
            body.add(p.content());
            body.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(instance, request(instance, path, actor)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(body)));
    }

    static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(int instance, String path, String actor) {
        return HttpRequest.newBuilder(instances.get(instance).resolve(path)).timeout(Duration.ofSeconds(120))
                .header("X-Kyso-Actor", actor);
    }

    private HttpResponse<byte[]> send(int instance, HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        answered.incrementAndGet(instance);
        return response;
    }
}
