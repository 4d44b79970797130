package vn.kyso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.core.testing.TimedBlocks;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Verdict;

/**
 * Validation only, for measuring cuts before and after in one run (issue #15): the service through HTTP
 * ({@code POST /api/v1/validations}, JSON verdict), the same facade in process, plain DSS in process as its
 * cookbook shows it, and DSS's validation REST service ({@link DssRestPeer}), on the one-page and 50-page
 * B-LT letters and the three-signature letter. Unlike {@link PeerBenchmark}, a cell is not measured in one
 * block: its operations are split into {@code bench.rounds} rounds and the contenders take turns round by
 * round, so a burst of load from another process on the machine falls on all of them alike. Prints the table
 * and writes target/bench/validation-peer.md.
 *
 * <pre>
 * ./mvnw -B -o -q -pl bench -am test -Dtest=ValidationPeerBenchmark -Dgroups=benchmark -DexcludedGroups= \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dbench.ops=120 -Dbench.rounds=6 -Dbench.threads=1
 * </pre>
 */
@Tag("benchmark")
class ValidationPeerBenchmark {

    static final String KEY = "ubnd-binh-an";
    /** Operations per contender and cell, over all rounds and threads. */
    static final int OPS = Integer.getInteger("bench.ops", 120);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 6);
    static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    static final int[] THREADS = Arrays.stream(System.getProperty("bench.threads", "1,2").split(","))
            .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    static final List<String> CONTENDERS = List.of("dss-rest", "service-http", "service-direct", "dss-default");

    private static Contenders bench;

    @BeforeAll
    static void start() throws Exception {
        bench = Contenders.start("validation-bench-archive", KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void validation() throws Exception {
        byte[] onePage = BenchDocuments.onePage();
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("1-page B-LT", bench.sign(onePage, KEY, SignatureLevel.B_LT, Appearance.NONE));
        docs.put("50-page B-LT", bench.sign(BenchDocuments.pages(50), KEY, SignatureLevel.B_LT, Appearance.NONE));
        byte[] three = bench.sign(onePage, "tran-thi-bich-ngoc", SignatureLevel.B_T, Appearance.PERSON);
        three = bench.sign(three, KEY, SignatureLevel.B_LT, Appearance.ORGANISATION);
        three = bench.sign(three, "so-noi-vu-binh-an", SignatureLevel.B_LT, Appearance.NONE);
        docs.put("3 signatures", three);
        for (byte[] d : docs.values()) {
            // All four agree the documents are valid before any figure is taken.
            assertThat(bench.rest().validate(d)).isTrue();
            assertThat(bench.http().validate(d)).isTrue();
            assertThat(bench.validateDirect(d)).isEqualTo(Verdict.VALID);
            assertThat(bench.plainValid(d)).isTrue();
        }
        for (int i = 0; i < WARMUP; i++) {
            for (byte[] d : docs.values()) {
                for (String c : CONTENDERS) {
                    operation(c, d).run();
                }
            }
        }
        Map<String, LatencyStats> results = new LinkedHashMap<>();
        for (var doc : docs.entrySet()) {
            for (int threads : THREADS) {
                Map<String, TimedBlocks> cell = new LinkedHashMap<>();
                CONTENDERS.forEach(c -> cell.put(c, new TimedBlocks()));
                int perRoundPerThread = Math.max(1, OPS / ROUNDS / threads);
                for (int round = 0; round < ROUNDS; round++) {
                    for (String c : CONTENDERS) {
                        cell.get(c).run(threads, perRoundPerThread, operation(c, doc.getValue()));
                    }
                }
                cell.forEach((c, s) -> results.put(c + "/" + doc.getKey() + "/-/" + threads, s.stats(threads)));
                progress(doc.getKey() + " " + threads + " thr: " + cell.keySet().stream()
                        .map(c -> c + " " + String.format(Locale.ROOT, "%.1f/s", cell.get(c).stats(threads).perSecond()))
                        .toList());
            }
        }
        String report = String.format(Locale.ROOT,
                "Machine: %d cores, load average %.2f at the end; JVM %s; %d rounds, %d operations per cell.%n%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), ROUNDS, OPS) + Tables.validation(results) + revisionScan(docs);
        System.out.println(report);
        Path out = Path.of("target/bench", "validation-peer.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(results).hasSize(docs.size() * THREADS.length * CONTENDERS.size());
    }

    /**
     * What one step inside DSS costs every contender alike (the profile's largest): PAdESUtils.extractRevisions,
     * which DSS runs once per PDF validation and which reads the file a byte at a time through a synchronized
     * BufferedInputStream. Printed so the reading can set it against a whole validation.
     */
    private static String revisionScan(Map<String, byte[]> docs) {
        StringBuilder sb = new StringBuilder("\nDSS's PAdESUtils.extractRevisions alone, mean of 50 calls:\n\n"
                + "| document | bytes | ms |\n|---|---|---|\n");
        docs.forEach((name, d) -> {
            DSSDocument doc = new InMemoryDocument(d);
            for (int i = 0; i < 20; i++) {
                PAdESUtils.extractRevisions(doc);
            }
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(PAdESUtils.extractRevisions(doc)).isNotEmpty();
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f |%n", name, d.length,
                    (System.nanoTime() - start) / 50 / 1e6));
        });
        return sb.toString();
    }

    private static LatencyStats.Operation operation(String contender, byte[] d) {
        return switch (contender) {
            case "dss-rest" -> () -> bench.rest().validate(d);
            case "service-http" -> () -> bench.http().validate(d);
            case "service-direct" -> () -> bench.validateDirect(d);
            default -> () -> bench.plainValid(d);
        };
    }

    /** Each cell as it is measured, so a long run on a shared machine can be followed. */
    private static void progress(String line) throws Exception {
        Path log = Path.of("target/bench/validation-peer-progress.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, Instant.now() + " " + line + " load "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
