package vn.kyso.archive.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.internal.PostgresArchiveService;
import vn.kyso.archive.internal.store.MinioObjectStore;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.Letters;
import vn.kyso.archive.testing.S3TestServer;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.signing.SignatureLevel;

/**
 * Ingest throughput and retrieval latency of the archive (real PostgreSQL, the MinIO client against
 * the S3Mock server process) beside raw MinIO-client puts and gets of the same bytes, in one JVM
 * and one run. Run with scripts/bench.sh; writes target/bench/archive.md.
 */
@Tag("benchmark")
class ArchiveBenchmark {

    static final int OPS = Integer.getInteger("bench.ops", 40);
    static final int WARMUP = Integer.getInteger("bench.warmup", 10);

    @Test
    void ingestAndRetrieval() throws Exception {
        Path dir = Files.createTempDirectory("kyso-bench-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        try (S3TestServer s3 = S3TestServer.startIn(dir.resolve("s3"));
                HikariDataSource db = ArchiveFixture.newDatabase("bench")) {
            MinioObjectStore store = new MinioObjectStore(MinioSettings.of(s3.endpoint(), "archive", null,
                    S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, true));
            MinioClient raw = MinioClient.builder().endpoint(s3.endpoint().toString())
                    .credentials(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY).build();
            // The baseline bucket is made like the archive's (Object Lock on, which also turns on
            // versioning in S3 semantics), so both sides pay the same server-side costs.
            if (!raw.bucketExists(BucketExistsArgs.builder().bucket("raw").build())) {
                raw.makeBucket(MakeBucketArgs.builder().bucket("raw").objectLock(true).build());
            }
            PostgresArchiveService archive = ArchiveFixture.service(db, store);

            int total = WARMUP + OPS;
            List<byte[]> lta = new ArrayList<>();
            List<byte[]> basic = new ArrayList<>();
            List<byte[]> bulk = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                lta.add(Letters.signed(SignatureLevel.B_LTA));
                basic.add(Letters.signed(SignatureLevel.B_B));
                bulk.add(Letters.signed(SignatureLevel.B_LTA));
            }
            byte[] sample = lta.get(0);

            // Warm up every path (JIT, connection pools, revocation caches) on records not measured.
            AtomicInteger warm = new AtomicInteger();
            for (int i = 0; i < WARMUP; i++) {
                rawPut(raw, "warm-" + i, lta.get(i));
                ingest(archive, lta.get(i), "w" + warm.incrementAndGet());
                ingest(archive, basic.get(i), "w" + warm.incrementAndGet());
            }

            AtomicInteger n = new AtomicInteger();
            LatencyStats rawPuts = LatencyStats.measure(1, OPS, () -> rawPut(raw, "put-" + n.incrementAndGet(),
                    lta.get(WARMUP + (n.get() - 1) % OPS)));
            AtomicInteger a = new AtomicInteger(WARMUP);
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            LatencyStats ingestLta = LatencyStats.measure(1, OPS, () -> ids.add(
                    ingest(archive, lta.get(a.getAndIncrement()), "lta" + a.get())));
            AtomicInteger b = new AtomicInteger(WARMUP);
            LatencyStats ingestBasic = LatencyStats.measure(1, OPS, () ->
                    ingest(archive, basic.get(b.getAndIncrement()), "bb" + b.get()));

            // Asynchronous ingest: the request returns once the original is stored; the rest drains.
            AtomicInteger c = new AtomicInteger(WARMUP);
            long drainStart = System.nanoTime();
            LatencyStats accepts = LatencyStats.measure(1, OPS, () -> archive.accept(new IngestRequest("bulk.pdf",
                    bulk.get(c.getAndIncrement()), null, Letters.metadata(c.get() + "/BULK", "Bulk " + c.get()),
                    "bench")));
            while (archive.backlog() > 0) {
                Thread.sleep(20);
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            // Raw get of the very object the archive serves: same bytes, same bucket.
            String id = ids.get(0);
            String key = store.list("records/" + id + "/").stream().filter(k -> k.contains("/original-"))
                    .findFirst().orElseThrow();
            LatencyStats rawGets = LatencyStats.measure(1, OPS * 5, () -> rawGet(raw, "archive", key));
            LatencyStats gets = LatencyStats.measure(1, OPS * 5, () -> archive.content(id));

            StringBuilder md = new StringBuilder();
            md.append("# Archive benchmark\n\nOne-page signed letters (").append(sample.length)
                    .append(" bytes), ").append(OPS).append(" operations each after ").append(WARMUP)
                    .append(" warm-up records; real PostgreSQL; S3Mock over HTTP through the MinIO client; one thread. Raw puts go to a bucket made "
                    + "like the archive's (Object Lock on); raw gets read the archived original's own object.\n\n")
                    .append("| operation | per second | p50 ms | p95 ms | ratio |\n|---|---:|---:|---:|---:|\n");
            row(md, "raw MinIO put (baseline)", rawPuts, "1.00x");
            row(md, "ingest, already B-LTA (no augmentation)", ingestLta,
                    ratio(ingestLta.perSecond() / rawPuts.perSecond()) + " of raw put rate");
            row(md, "ingest, B-B augmented to B-LTA", ingestBasic,
                    ratio(ingestBasic.perSecond() / rawPuts.perSecond()) + " of raw put rate");
            row(md, "accept for asynchronous ingest (original stored, 202)", accepts,
                    ratio(accepts.perSecond() / rawPuts.perSecond()) + " of raw put rate");
            md.append(String.format(Locale.ROOT, "| … then archived in the background (cores/2 workers) | %.1f | | | %s |%n",
                    OPS / drainSeconds, ratio(OPS / drainSeconds / rawPuts.perSecond()) + " of raw put rate"));
            row(md, "raw MinIO get (baseline)", rawGets, "1.00x");
            row(md, "retrieve original (catalogue + get + digest check)", gets,
                    ratio(gets.p50Millis() / rawGets.p50Millis()) + " p50, "
                            + ratio(gets.p95Millis() / rawGets.p95Millis()) + " p95 of raw get");
            System.out.println(md);
            Path out = Path.of("target/bench/archive.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
            archive.close();
        }
    }

    static String ingest(PostgresArchiveService archive, byte[] letter, String tag) {
        return archive.ingest(new IngestRequest("bench.pdf", letter, null,
                Letters.metadata(Math.abs(tag.hashCode() % 100000) + "/UBND-VP", "Benchmark " + tag), "bench")).id();
    }

    static void rawPut(MinioClient raw, String key, byte[] content) throws Exception {
        raw.putObject(PutObjectArgs.builder().bucket("raw").object(key)
                .data(content, content.length).contentType("application/pdf").build());
    }

    static void rawGet(MinioClient raw, String bucket, String key) throws Exception {
        try (InputStream in = raw.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            in.readAllBytes();
        }
    }

    static void row(StringBuilder md, String name, LatencyStats s, String ratio) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s |%n", name, s.perSecond(), s.p50Millis(),
                s.p95Millis(), ratio));
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
