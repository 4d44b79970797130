package vn.kyso.archive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.internal.store.MinioObjectStore;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.CephRgw;
import vn.kyso.archive.testing.Letters;
import vn.kyso.archive.testing.PlainIngest;
import vn.kyso.archive.testing.ProcessCpu;
import vn.kyso.archive.testing.RoundTimings;
import vn.kyso.core.testing.Eventually;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/**
 * Ingest of a signed one-page letter into the archive on Ceph RGW (Object Lock) against the minimum
 * correct work done by plain code in the same run: DSS validation of the letter, then raw MinIO-client
 * puts of the original and of DSS's ETSI validation report, both with COMPLIANCE retention. The two are
 * interleaved (baseline, service, baseline, service) at 1, 2 and 8 client threads; then asynchronous bulk
 * ingest: records accepted as fast as they come, drained by the background workers, with the backlog
 * sampled over time. Run with scripts/bench.sh; writes target/bench/ingest-on-ceph.md.
 */
@Tag("benchmark")
class IngestOnCephBenchmark {

    static final int OPS = Integer.getInteger("bench.ops", 16);
    static final int WARMUP = Integer.getInteger("bench.warmup", 6);
    static final int BULK = Integer.getInteger("bench.bulk", 200);
    /** Clients sending the bulk accepts at once, as an agency's transfer job would use a few connections. */
    static final int BULK_CLIENTS = Integer.getInteger("bench.bulkClients", 4);
    static final int ROUNDS = 2;
    /** Client threads of the synchronous rows ({@code -Dbench.threads=1} for a quick bulk-only look). */
    static final int[] THREADS = java.util.Arrays.stream(System.getProperty("bench.threads", "1,2,8").split(","))
            .mapToInt(t -> Integer.parseInt(t.strip())).toArray();

    @Test
    void ingestAgainstPlainCode() throws Exception {
        CephRgw ceph = CephRgw.shared();
        String suffix = ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        PlainIngest plain = new PlainIngest(ValidationFixture.pki(), ceph, "plain-" + suffix);
        // Each row runs max(1, OPS / threads) ingests on each of its threads (8 threads and OPS = 4 run 8).
        int contenderOps = WARMUP + ROUNDS * java.util.Arrays.stream(THREADS).map(t -> t * Math.max(1, OPS / t)).sum();
        // Signed on 8 threads: a B-LTA signature waits about a second for fresh revocation data.
        java.util.concurrent.ForkJoinPool signers = new java.util.concurrent.ForkJoinPool(8);
        List<byte[]> letters = signers.submit(() -> java.util.stream.IntStream.range(0, contenderOps + BULK).parallel()
                .mapToObj(i -> Letters.signed(SignatureLevel.B_LTA)).toList()).get();
        signers.shutdown();
        try (HikariDataSource db = ArchiveFixture.newDatabase("bench_ceph")) {
            MinioObjectStore store = new MinioObjectStore(MinioSettings.of(ceph.endpoint(), "archive-" + suffix,
                    ceph.region(), ceph.accessKey(), ceph.secretKey(), true));
            PostgresArchiveService archive = ArchiveFixture.service(db, store);
            // Stopped before the database closes, also when a row fails: workers would log a dead pool otherwise.
            try {
                AtomicInteger next = new AtomicInteger();
                AtomicInteger plainKeys = new AtomicInteger();
                for (int i = 0; i < WARMUP; i++) {
                    plain.ingest(letters.get(i), "warm-" + plainKeys.incrementAndGet());
                    ingest(archive, letters.get(next.getAndIncrement()));
                }
                StringBuilder md = new StringBuilder();
                md.append("# Ingest on Ceph RGW\n\nOne-page letters signed at B-LTA (").append(letters.get(0).length)
                        .append(" bytes, no augmentation needed); ").append(OPS).append(" ingests per row and round, ")
                        .append(ROUNDS).append(" interleaved rounds (plain, service, plain, service) after ").append(WARMUP)
                        .append(" warm-up ingests each; Ceph RGW with Object Lock on loopback; real PostgreSQL; ")
                        .append(Runtime.getRuntime().availableProcessors()).append(" cores; load before: ")
                        .append(load()).append(".\n\n")
                        .append("| contender | threads | docs/s | p50 ms | p95 ms | vs plain |\n|---|---:|---:|---:|---:|---:|\n");
                for (int threads : THREADS) {
                    RoundTimings base = new RoundTimings();
                    RoundTimings service = new RoundTimings();
                    int perThread = Math.max(1, OPS / threads);
                    for (int round = 0; round < ROUNDS; round++) {
                        base.add(RoundTimings.measure(threads, perThread, () -> {
                            int k = plainKeys.incrementAndGet();
                            plain.ingest(letters.get(k % contenderOps), "doc-" + k);
                        }));
                        service.add(RoundTimings.measure(threads, perThread, () ->
                                ingest(archive, letters.get(next.getAndIncrement()))));
                    }
                    base.row(md, "plain: DSS validation + 2 S3 puts with retention", threads, base);
                    service.row(md, "service ingest, in process", threads, base);
                    if (threads == THREADS[0]) {
                        singleRate = service.perSecond();
                    }
                }

                // Bulk: records accepted as fast as one client sends them (original stored: the API's 202), then
                // processed by the background workers; the backlog (the catalogue's ACCEPTED count, which the
                // kyso.archive.ingest.backlog gauge reports) sampled every second from the first accept on.
                ProcessCpu cpu = ProcessCpu.of(db, ceph.dir());
                java.util.Map<String, Double> cpuBefore = cpu.read();
                List<String> backlog = java.util.Collections.synchronizedList(new ArrayList<>());
                long start = System.nanoTime();
                java.util.concurrent.ScheduledExecutorService sampler =
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> backlog.add(String.format(Locale.ROOT, "%.0f s: %d",
                        (System.nanoTime() - start) / 1e9, archive.acceptedBacklog().orElse(-1))), 1, 1,
                        java.util.concurrent.TimeUnit.SECONDS);
                List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
                RoundTimings accepts = RoundTimings.measure(BULK_CLIENTS, BULK / BULK_CLIENTS, () -> ids.add(archive.accept(new IngestRequest(
                        "bulk.pdf", letters.get(next.getAndIncrement()), null, metadata(), "bench")).id()));
                Eventually.until(Duration.ofMinutes(10), Duration.ofMillis(100),
                        () -> archive.acceptedBacklog().orElse(-1), n -> n == 0);
                double drain = (System.nanoTime() - start) / 1e9;
                String cpuPerRecord = ProcessCpu.perRecord(cpuBefore, cpu.read(), ids.size());
                sampler.shutdownNow();
                // Every accepted record must be archived, or the rate would count failures as work.
                long notActive = ids.stream().filter(id -> archive.record(id).state() != RecordState.ACTIVE).count();
                md.append(String.format(Locale.ROOT, "%nBulk: %d records accepted by %d clients at %.1f/s (p50 %.1f ms, p95 %.1f ms); "
                        + "all archived (ACTIVE) %.1f s after the first accept, %d not ACTIVE: **%.1f records/s** end to "
                        + "end, %.2fx the single-thread in-process ingest rate of this run.%n%nBacklog over time "
                        + "(records ACCEPTED, not yet archived): %s.%n%nCPU per record, accept to ACTIVE (the sampler's and the "
                        + "clients' share included): %s.%n%nLoad after: %s.%n", ids.size(), BULK_CLIENTS, accepts.perSecond(),
                        accepts.p50(), accepts.percentile(95), drain, notActive, ids.size() / drain, ids.size() / drain / singleRate,
                        String.join(", ", backlog), cpuPerRecord, load()));
                System.out.println(md);
                Path out = Path.of("target/bench/ingest-on-ceph.md");
                Files.createDirectories(out.getParent());
                Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
                assertThat(notActive).as("accepted records not archived").isZero();
            } finally {
                archive.close();
            }
        }
    }

    static double singleRate;

    static void ingest(PostgresArchiveService archive, byte[] letter) {
        archive.ingest(new IngestRequest("bench.pdf", letter, null, metadata(), "bench"));
    }

    static vn.kyso.archive.RecordMetadata metadata() {
        return Letters.metadata("12/UBND-VP", "Benchmark");
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
