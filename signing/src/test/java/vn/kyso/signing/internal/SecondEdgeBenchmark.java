package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.testing.Eventually;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningTimings;
import vn.kyso.signing.StrictFreshness;

/**
 * B-LT with fresh revocation data at the second's edge (issue #15, ADR 0028), in one run on the same
 * SoftHSM2 key and the same loopback TSA/OCSP/CRL, PAdES one-page letter:
 * <ul>
 * <li><b>before</b> — the cache as in session 6: a fresh-answer request asks the responder, is refused
 * an answer dated in the time-stamp's own second, sleeps to the next second and asks again;</li>
 * <li><b>after</b> — waits out the second first when the responder is known to answer in whole
 * seconds, so that one fetch at the edge serves every signer of that second.</li>
 * </ul>
 * Rows: B-T (no revocation data) and B-LT at 1, 2, 8 and 32 clients signing back to back, and one client
 * arriving at a random point of each second (a clerk's single signature). Every B-LT output of the
 * 8-client run is then validated offline under the strict policy (revocation after the
 * best-signature-time at FAIL, freshness 0) and one of each contender by pdfsig. Run with
 * {@code mvn -o -pl signing -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=SecondEdgeBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; writes target/bench/second-edge.md.
 */
@Tag("benchmark")
class SecondEdgeBenchmark {

    static final String KEY = "ubnd-binh-an";
    static final int OPS = Integer.getInteger("bench.ops", 12);
    static final int WARMUP = Integer.getInteger("bench.warmup", 6);

    @TempDir
    Path work;

    @Test
    void bltAtTheSecondsEdge() throws Exception {
        Map<String, Contender> contenders = new LinkedHashMap<>();
        contenders.put("before", new Contender(false));
        contenders.put("after", new Contender(true));
        SignRequest bt = new SignRequest(SigningServiceTest.LETTER, KEY, SignOptions.defaults(SignatureLevel.B_T));
        SignRequest blt = new SignRequest(SigningServiceTest.LETTER, KEY, SignOptions.defaults(SignatureLevel.B_LT));
        for (Contender c : contenders.values()) {
            for (int i = 0; i < WARMUP; i++) {
                c.service.sign(bt);
                c.service.sign(blt);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int threads : new int[] {1, 2, 8, 32}) {
            // 32 clients show where the CPU, not the second's wait, bounds the rate; fewer calls each
            int ops = threads > 8 ? Math.max(2, OPS / 4) : OPS;
            for (var e : contenders.entrySet()) {
                Contender c = e.getValue();
                rows.add(new Row(e.getKey(), "B-T", threads + "", LatencyStats.measure(threads, ops,
                        () -> c.service.sign(bt)), 0, 0));
                c.fetches.set(0);
                c.fetchNanos.set(0);
                ConcurrentLinkedQueue<byte[]> outputs = threads == 8 ? c.outputs : new ConcurrentLinkedQueue<>();
                LatencyStats s = LatencyStats.measure(threads, ops, () -> outputs.add(c.service.sign(blt).content()));
                rows.add(new Row(e.getKey(), "B-LT", threads + "", s, c.fetches.get() / (double) s.operations(),
                        c.fetchNanos.get() / 1e6 / s.operations()));
            }
        }
        for (var e : contenders.entrySet()) {
            Contender c = e.getValue();
            c.fetches.set(0);
            c.fetchNanos.set(0);
            LatencyStats s = randomArrivals(() -> c.service.sign(blt));
            rows.add(new Row(e.getKey(), "B-LT", "1 random", s, c.fetches.get() / (double) s.operations(),
                    c.fetchNanos.get() / 1e6 / s.operations()));
        }

        String table = table(rows);
        System.out.println(table);
        Path out = Path.of("target/bench/second-edge.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        Path nss = nssWithDemoRoots();
        for (var e : contenders.entrySet()) {
            Contender c = e.getValue();
            assertThat(c.outputs).as(e.getKey()).hasSize(8 * OPS);
            for (byte[] pdf : c.outputs) {
                for (StrictFreshness.Verdict v : StrictFreshness.validate(SigningFixture.pki(), pdf)) {
                    assertThat(v.stale()).as(e.getKey() + " " + v).isEmpty();
                    assertThat(v.indication()).as(e.getKey() + " " + v).isEqualTo(Indication.TOTAL_PASSED);
                }
            }
            Path file = work.resolve(e.getKey() + ".pdf");
            Files.write(file, c.outputs.peek());
            var pdfsig = IndependentValidatorsTest.run(work, "pdfsig", "-nssdir", "sql:" + nss, file.toString());
            assertThat(pdfsig.exit()).as(pdfsig.output()).isZero();
            assertThat(pdfsig.output()).as(pdfsig.output())
                    .contains("Signature is Valid.", "Certificate Validation: Certificate is Trusted.");
            c.service.close();
        }
    }

    /** One service with its own revocation cache, counting the OCSP and CRL requests that went out. */
    static final class Contender {
        final AtomicLong fetches = new AtomicLong();
        final AtomicLong fetchNanos = new AtomicLong();
        final ConcurrentLinkedQueue<byte[]> outputs = new ConcurrentLinkedQueue<>();
        final DssSigningService service;

        Contender(boolean waitOutTheSecond) {
            RevocationCache.Settings d = RevocationCache.Settings.defaults(Duration.ofHours(1));
            RevocationCache cache = new RevocationCache(new RevocationCache.Settings(d.maxAge(), d.failureMemory(),
                    d.maxEntries(), d.freshAttempts(), d.freshRetryWait(), waitOutTheSecond), Clock.systemUTC());
            SigningTimings count = (party, duration, ok) -> {
                if (party == SigningTimings.Party.OCSP || party == SigningTimings.Party.CRL) {
                    fetches.incrementAndGet();
                    fetchNanos.addAndGet(duration.toNanos());
                }
            };
            service = new DssSigningService(SigningFixture.settings(), Clock.systemUTC(), cache, () -> null, count);
        }
    }

    /**
     * @param fetchesPerDoc OCSP and CRL requests that went out, per signature
     * @param fetchMillisPerDoc their summed duration per signature, an upper bound on what running them in parallel could save
     */
    record Row(String contender, String level, String clients, LatencyStats stats, double fetchesPerDoc,
            double fetchMillisPerDoc) {
    }

    /** One client that arrives at a random point of a second, as a clerk's lone signature does. */
    static LatencyStats randomArrivals(LatencyStats.Operation op) throws Exception {
        long[] latencies = new long[OPS];
        double busy = 0;
        for (int i = 0; i < OPS; i++) {
            // The next arrival is a moment, not a pause: wait for the clock to reach it.
            Instant arrival = Instant.now().plusMillis(ThreadLocalRandom.current().nextInt(1000));
            Eventually.until(Duration.ofSeconds(2), Duration.ofMillis(1), Instant::now, t -> !t.isBefore(arrival));
            long start = System.nanoTime();
            op.run();
            latencies[i] = System.nanoTime() - start;
            busy += latencies[i] / 1e9;
        }
        Arrays.sort(latencies);
        return new LatencyStats(1, OPS, busy, latencies[(OPS - 1) / 2] / 1e6,
                latencies[(int) Math.ceil(0.95 * OPS) - 1] / 1e6);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| contender | level | clients | docs/s | p50 ms | p95 ms | OCSP+CRL requests per doc"
                + " | their ms per doc | vs before (same row) | vs own B-T |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Row before = find(rows, "before", r.level(), r.clients());
            Row ownBt = find(rows, r.contender(), "B-T", r.clients().split(" ")[0]);
            boolean bt = r.level().equals("B-T");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.0f | %.0f | %s | %s | %.2fx | %s |%n",
                    r.contender(), r.level(), r.clients(), r.stats().perSecond(), r.stats().p50Millis(),
                    r.stats().p95Millis(), bt ? "-" : String.format(Locale.ROOT, "%.2f", r.fetchesPerDoc()),
                    bt ? "-" : String.format(Locale.ROOT, "%.1f", r.fetchMillisPerDoc()),
                    r.stats().perSecond() / before.stats().perSecond(),
                    r.clients().contains("random") ? "-" : String.format(Locale.ROOT, "%.2fx",
                            r.stats().perSecond() / ownBt.stats().perSecond())));
        }
        sb.append("\n(\"1 random\": docs/s is 1 / mean latency, the think time between arrivals left out.)\n");
        return sb.toString();
    }

    private static Row find(List<Row> rows, String contender, String level, String clients) {
        return rows.stream().filter(r -> r.contender().equals(contender) && r.level().equals(level)
                && r.clients().equals(clients)).findFirst().orElseThrow();
    }

    private Path nssWithDemoRoots() throws Exception {
        Path db = Files.createDirectories(work.resolve("nss"));
        var init = IndependentValidatorsTest.run(work, "certutil", "-N", "--empty-password", "-d", "sql:" + db);
        assertThat(init.exit()).as(init.output()).isZero();
        DemoPki pki = SigningFixture.pki();
        int n = 0;
        for (KeyFamily family : KeyFamily.values()) {
            for (X509Certificate root : pki.trustAnchors(family)) {
                Path pem = work.resolve("root-" + n + ".pem");
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64,
                        "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
                var add = IndependentValidatorsTest.run(work, "certutil", "-A", "-d", "sql:" + db, "-n",
                        "demo-root-" + n++, "-t", "CT,C,C", "-i", pem.toString());
                assertThat(add.exit()).as(add.output()).isZero();
            }
        }
        return db;
    }
}
