package vn.kyso.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.testing.CephRgw;
import vn.kyso.archive.testing.PlainIngest;
import vn.kyso.archive.testing.RoundTimings;
import vn.kyso.core.testing.Eventually;
import vn.kyso.demopki.DemoPki;

/**
 * Ingest of a signed one-page letter through the HTTP API into the archive on Ceph RGW (Object Lock),
 * against the minimum correct work done by plain code in the same JVM and run ({@link PlainIngest}: DSS
 * validation, then raw puts of the original and the ETSI report with COMPLIANCE retention), interleaved
 * at 1, 2 and 8 clients; then bulk ingest through the API ({@code Prefer: respond-async}, 202) with the
 * backlog sampled every second. Run with scripts/bench.sh; writes target/bench/ingest-on-ceph-http.md.
 */
@Tag("benchmark")
class IngestOnCephHttpBenchmark {

    static final int OPS = Integer.getInteger("bench.ops", 16);
    static final int WARMUP = Integer.getInteger("bench.warmup", 6);
    static final int BULK = Integer.getInteger("bench.bulk", 200);
    /** Clients sending the bulk requests at once, as an agency's transfer job would use a few connections. */
    static final int BULK_CLIENTS = Integer.getInteger("bench.bulkClients", 4);
    static final int ROUNDS = 2;
    static final int[] CLIENTS = {1, 2, 8};

    final ObjectMapper json = new ObjectMapper();

    @Test
    void ingestThroughHttpAgainstPlainCode() throws Exception {
        CephRgw ceph = CephRgw.shared();
        String suffix = ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("logging.level.root", "WARN");
        settings.put("kyso.archive.store.type", "s3");
        settings.put("kyso.archive.store.endpoint", ceph.endpoint().toString());
        settings.put("kyso.archive.store.bucket", "http-" + suffix);
        settings.put("kyso.archive.store.region", ceph.region());
        settings.put("kyso.archive.store.access-key", ceph.accessKey());
        settings.put("kyso.archive.store.secret-key", ceph.secretKey());
        try (ConfigurableApplicationContext app = BenchService.start("ingest-ceph", settings)) {
            LoadBenchmark.Client http = new LoadBenchmark.Client(BenchService.port(app));
            PlainIngest plain = new PlainIngest(app.getBean(DemoPki.class), ceph, "plain-http-" + suffix);
            ArchiveService archive = app.getBean(ArchiveService.class);
            byte[] letter = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
            // Each row sends max(1, OPS / clients) ingests from each of its clients (8 clients and OPS = 4 send 8).
            int contenderOps = WARMUP + ROUNDS * java.util.Arrays.stream(CLIENTS).map(c -> c * Math.max(1, OPS / c)).sum();
            // Signed by the service on 8 clients: a B-LTA signature waits about a second for fresh revocation data.
            java.util.concurrent.ForkJoinPool signers = new java.util.concurrent.ForkJoinPool(8);
            List<byte[]> letters = signers.submit(() -> java.util.stream.IntStream.range(0, contenderOps + BULK)
                    .parallel().mapToObj(i -> sign(http, letter)).toList()).get();
            signers.shutdown();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger plainKeys = new AtomicInteger();
            for (int i = 0; i < WARMUP; i++) {
                plain.ingest(letters.get(i), "warm-" + plainKeys.incrementAndGet());
                ingest(http, letters.get(next.getAndIncrement()), Map.of());
            }
            StringBuilder md = new StringBuilder();
            md.append("# Ingest on Ceph RGW through the HTTP API\n\nOne-page letters signed at B-LTA by the service (")
                    .append(letters.get(0).length).append(" bytes); ").append(OPS).append(" ingests per row and round, ")
                    .append(ROUNDS).append(" interleaved rounds (plain, service, plain, service) after ").append(WARMUP)
                    .append(" warm-up ingests each; `POST /api/v1/records` on loopback; Ceph RGW with Object Lock; ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" cores; load before: ").append(load())
                    .append(".\n\n| contender | clients | docs/s | p50 ms | p95 ms | vs plain |\n|---|---:|---:|---:|---:|---:|\n");
            double single = 0;
            for (int clients : CLIENTS) {
                RoundTimings base = new RoundTimings();
                RoundTimings service = new RoundTimings();
                int perClient = Math.max(1, OPS / clients);
                for (int round = 0; round < ROUNDS; round++) {
                    base.add(RoundTimings.measure(clients, perClient, () -> {
                        int k = plainKeys.incrementAndGet();
                        plain.ingest(letters.get(k % contenderOps), "doc-" + k);
                    }));
                    service.add(RoundTimings.measure(clients, perClient, () ->
                            ingest(http, letters.get(next.getAndIncrement()), Map.of())));
                }
                base.row(md, "plain: DSS validation + 2 S3 puts with retention", clients, base);
                service.row(md, "service: `POST /api/v1/records` (201)", clients, base);
                if (clients == 1) {
                    single = service.perSecond();
                }
            }

            // Bulk through the API: 202 per record as one client sends them, processed in the background.
            List<String> backlog = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> backlog.add(String.format(Locale.ROOT, "%.0f s: %d",
                    (System.nanoTime() - start) / 1e9, archive.acceptedBacklog().orElse(-1))), 1, 1, TimeUnit.SECONDS);
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            RoundTimings accepts = RoundTimings.measure(BULK_CLIENTS, BULK / BULK_CLIENTS, () -> ids.add(ingest(http,
                    letters.get(next.getAndIncrement()), Map.of("Prefer", "respond-async"))));
            Eventually.until(Duration.ofMinutes(10), Duration.ofMillis(100),
                    () -> archive.acceptedBacklog().orElse(-1), n -> n == 0);
            double drain = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            long notActive = ids.stream().filter(id -> !"ACTIVE".equals(state(http, id))).count();
            md.append(String.format(Locale.ROOT, "%nBulk through the API: %d records answered 202 to %d clients at %.1f/s (p50 %.1f ms, "
                    + "p95 %.1f ms); all archived (ACTIVE) %.1f s after the first request, %d not ACTIVE: **%.1f "
                    + "records/s** end to end, %.2fx the one-client synchronous HTTP ingest rate of this run.%n%n"
                    + "Backlog over time (records ACCEPTED, not yet archived): %s.%n%nLoad after: %s.%n", ids.size(),
                    BULK_CLIENTS, accepts.perSecond(), accepts.p50(), accepts.percentile(95), drain, notActive,
                    ids.size() / drain, ids.size() / drain / single, String.join(", ", backlog), load()));
            System.out.println(md);
            Path out = Path.of("target/bench/ingest-on-ceph-http.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
            assertThat(notActive).as("accepted records not archived").isZero();
        }
    }

    /** One ingest; the new record's id. A 201 (or 202 when asked for) is the only success. */
    String ingest(LoadBenchmark.Client http, byte[] letter, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> r = multipart(http, letter, headers);
        int expected = headers.isEmpty() ? 201 : 202;
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(r.body()).get("id").asText();
    }

    static byte[] sign(LoadBenchmark.Client http, byte[] letter) {
        try {
            HttpResponse<byte[]> signed = http.multipart("/api/v1/signatures", letter,
                    Map.of("key", "ubnd-binh-an", "level", "B-LTA"));
            if (signed.statusCode() != 200) {
                throw new IllegalStateException(signed.statusCode() + ": "
                        + new String(signed.body(), StandardCharsets.UTF_8));
            }
            return signed.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String state(LoadBenchmark.Client http, String id) {
        try {
            return json.readTree(http.get("/api/v1/records/" + id).body()).path("state").asText();
        } catch (Exception e) {
            return "unreadable: " + e;
        }
    }

    static HttpResponse<byte[]> multipart(LoadBenchmark.Client http, byte[] file, Map<String, String> headers)
            throws Exception {
        String boundary = "kyso" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fondCode", "G09");
        fields.put("fileCode", "G09.2026.01");
        fields.put("numberSymbol", "12/UBND-VP");
        fields.put("documentDate", "2026-11-20");
        fields.put("documentType", "Công văn");
        fields.put("issuer", "UBND tỉnh Bình An");
        fields.put("subject", "Lưu trữ thử");
        fields.put("preservation", "10");
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"l.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(file);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port + "/api/v1/records"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
        headers.forEach(b::header);
        return http.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
