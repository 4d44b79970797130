package vn.kyso.api.bench;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service under a mixed load on loopback: 50 concurrent clients for two minutes (bounded by
 * {@code -Dload.seconds} and {@code -Dload.clients}) signing letters, validating them and retrieving
 * archived records. Prints requests per second and p50/p95 per kind, counts every answer that is
 * not a success or a deliberate rate-limit refusal (must be none), and checks that the audit chain
 * grew by exactly one entry per audited request and still verifies. Run with scripts/bench.sh;
 * writes target/bench/load.md.
 */
@Tag("benchmark")
class LoadBenchmark {

    static final int CLIENTS = Integer.getInteger("load.clients", 50);
    static final int SECONDS = Integer.getInteger("load.seconds", 120);

    final ObjectMapper json = new ObjectMapper();

    @Test
    void mixedLoad() throws Exception {
        try (ConfigurableApplicationContext app = BenchService.start("load",
                Map.of("logging.level.root", "WARN", "server.tomcat.threads.max", "64"))) {
            int port = BenchService.port(app);
            Client http = new Client(port);
            byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));

            // Fixtures: one signed letter to validate, a few archived records to retrieve.
            byte[] signed = http.multipart("/api/v1/signatures", letter, Map.of("key", "ubnd-binh-an",
                    "level", "B-LT")).body();
            List<String> records = new ArrayList<>();
            String file = "LOAD." + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 5; i++) {
                byte[] one = http.multipart("/api/v1/signatures", letter, Map.of("key", "ubnd-binh-an",
                        "level", "B-LTA")).body();
                HttpResponse<byte[]> r = http.multipart("/api/v1/records", one, Map.of("fondCode", "G09",
                        "fileCode", file, "numberSymbol", (900 + i) + "/UBND-VP", "documentDate", "2026-11-20",
                        "documentType", "Công văn", "issuer", "UBND tỉnh Bình An", "subject", "Tải thử " + i,
                        "preservation", "10"));
                assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
                records.add(json.readTree(r.body()).get("id").asText());
            }
            long auditBefore = auditHead(http);

            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            AtomicLong audited = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        int pick = ThreadLocalRandom.current().nextInt(10);
                        String kind = pick < 3 ? "sign" : pick < 6 ? "validate" : "retrieve";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = switch (kind) {
                                case "sign" -> http.multipart("/api/v1/signatures", letter,
                                        Map.of("key", "ubnd-binh-an", "level", "B-B"));
                                case "validate" -> http.multipart("/api/v1/validations", signed, Map.of());
                                default -> http.get("/api/v1/records/"
                                        + records.get(ThreadLocalRandom.current().nextInt(records.size())) + "/content");
                            };
                            long took = System.nanoTime() - t0;
                            if (r.statusCode() == 429) {
                                refused.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                            } else if (r.statusCode() / 100 == 2) {
                                latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(took);
                                if (!kind.equals("validate")) {
                                    audited.incrementAndGet();
                                }
                            } else {
                                errors.add(kind + " " + r.statusCode() + " " + new String(r.body(), 0,
                                        Math.min(200, r.body().length), StandardCharsets.UTF_8));
                            }
                            if (!kind.equals("validate") && r.statusCode() != 429 && r.statusCode() / 100 != 2) {
                                audited.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.add(kind + " " + e);
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(SECONDS + 120, java.util.concurrent.TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            // The audit interceptor appends after each response is sent; give the last ones a moment.
            long auditAfter = auditHead(http);
            for (int i = 0; i < 50 && auditAfter - auditBefore < audited.get(); i++) {
                Thread.sleep(100);
                auditAfter = auditHead(http);
            }
            JsonNode verification = json.readTree(http.get("/api/v1/audit/verification").body());

            StringBuilder md = new StringBuilder("# Load test\n\n").append(CLIENTS).append(" concurrent clients for ")
                    .append(String.format(Locale.ROOT, "%.0f", seconds)).append(" s on loopback, one JVM, ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores: 30% B-B signing, 30% "
                            + "validation (public, rate-limited per client — all clients share one address here), "
                            + "40% retrieval of archived originals.\n\n")
                    .append("| kind | answered | per second | p50 ms | p95 ms | refused by rate limit |\n")
                    .append("|---|---:|---:|---:|---:|---:|\n");
            long total = 0;
            for (String kind : List.of("sign", "validate", "retrieve")) {
                long[] l = latencies.getOrDefault(kind, List.of()).stream().mapToLong(Long::longValue).sorted()
                        .toArray();
                total += l.length;
                md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n", kind, l.length,
                        l.length / seconds, pct(l, 50), pct(l, 95),
                        refused.getOrDefault(kind, new AtomicLong()).get()));
            }
            md.append(String.format(Locale.ROOT, "%nTotal %.1f successful requests/s; errors: %d; audited requests: "
                    + "%d, audit entries added: %d; chain verifies: %s%n", total / seconds, errors.size(),
                    audited.get(), auditAfter - auditBefore, verification.get("ok").asBoolean()));
            System.out.println(md);
            Path out = Path.of("target/bench/load.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);

            assertThat(errors).as("answers other than success or a rate-limit refusal").isEmpty();
            assertThat(auditAfter - auditBefore).as("audit entries added").isEqualTo(audited.get());
            assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        }
    }

    private long auditHead(Client http) throws Exception {
        return json.readTree(http.get("/api/v1/audit/verification").body()).at("/head/sequence").asLong();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    /** A loopback HTTP client for the load: one shared connection pool, multipart by hand. */
    static final class Client {
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final int port;

        Client(int port) {
            this.port = port;
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<byte[]> multipart(String path, byte[] file, Map<String, String> fields) throws Exception {
            String boundary = "kyso" + UUID.randomUUID();
            List<byte[]> parts = new ArrayList<>();
            for (Map.Entry<String, String> f : new LinkedHashMap<>(fields).entrySet()) {
                parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"l.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(file);
            parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
