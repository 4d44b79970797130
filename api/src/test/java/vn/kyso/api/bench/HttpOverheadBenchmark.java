package vn.kyso.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kyso.core.testing.TimedBlocks;
import vn.kyso.signing.internal.SampleLetters;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningService;

/**
 * What HTTP adds to a B-B signature (issue #15): the same {@link SigningService} bean called in process
 * (service-direct) and through {@code POST /api/v1/signatures} (service-http), same key, same document,
 * one JVM. The two contenders alternate in short blocks over several rounds, so a burst of load from
 * the shared machine falls on both rather than on whichever ran at that moment; the rate is all
 * operations over the summed time of their blocks, the percentiles over every latency. Prints the table
 * with the ratio http/direct and the load average, and writes target/bench/http-overhead.md.
 *
 * <pre>
 * ./mvnw -B -o -q -pl api -am test -Dtest=HttpOverheadBenchmark -Dgroups=benchmark -DexcludedGroups= \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.rounds=10 -Dbench.block=20 -Dbench.warmup=300]
 * </pre>
 */
@Tag("benchmark")
class HttpOverheadBenchmark {

    static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    static final int BLOCK = Integer.getInteger("bench.block", 20);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);

    @Test
    void httpAgainstInProcess() throws Exception {
        // -Dbench.args="--kyso.audit.enabled=false ..." runs a diagnostic variant (settings as arguments win).
        String[] extra = System.getProperty("bench.args", "").isBlank() ? new String[0]
                : System.getProperty("bench.args").strip().split("\\s+");
        try (ConfigurableApplicationContext app = BenchService.start("http-overhead-bench",
                Map.of("logging.level.root", "WARN"), extra)) {
            SigningService signing = app.getBean(SigningService.class);
            SigningBenchmark.HttpSigner http = new SigningBenchmark.HttpSigner(BenchService.port(app));
            Map<String, byte[]> documents = new LinkedHashMap<>();
            documents.put("1 page", BenchLetters.oneLetter());
            documents.put("50 pages", pages(50));
            String loadBefore = loadAverage();

            for (byte[] pdf : documents.values()) {
                SignRequest direct = request(pdf);
                for (int i = 0; i < WARMUP / documents.size(); i++) {
                    assertThat(http.sign(pdf, "B-B")).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
                    assertThat(signing.sign(direct).content()).isNotEmpty();
                }
            }
            var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            StringBuilder breakdown = new StringBuilder("\n| document | threads | client p50 ms | client mean ms"
                    + " | in the observation filter (mean ms) | in the signing facade (mean ms)"
                    + " | audit append (mean ms) |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            StringBuilder table = new StringBuilder();
            table.append("| document | threads | direct docs/s | direct p50 ms | direct p95 ms | http docs/s | http p50 ms"
                    + " | http p95 ms | http / direct |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (var doc : documents.entrySet()) {
                byte[] pdf = doc.getValue();
                SignRequest direct = request(pdf);
                for (int threads : new int[] {1, 2}) {
                    TimedBlocks inProcess = new TimedBlocks();
                    TimedBlocks overHttp = new TimedBlocks();
                    ServerTimes times = new ServerTimes(registry);
                    for (int round = 0; round < ROUNDS; round++) {
                        inProcess.run(threads, BLOCK, () -> signing.sign(direct));
                        times.during(() -> overHttp.run(threads, BLOCK, () -> http.sign(pdf, "B-B")));
                    }
                    table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f | **%.2fx** |%n",
                            doc.getKey(), threads, inProcess.perSecond(), inProcess.percentile(50),
                            inProcess.percentile(95), overHttp.perSecond(), overHttp.percentile(50),
                            overHttp.percentile(95), overHttp.perSecond() / inProcess.perSecond()));
                    breakdown.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                            doc.getKey(), threads, overHttp.percentile(50), overHttp.mean(), times.serverMean(),
                            times.signingMean(), times.auditMean()));
                }
            }
            table.append(breakdown);
            table.append("\nload average before: ").append(loadBefore).append("; after: ").append(loadAverage())
                    .append("; ").append(ROUNDS).append(" rounds of ").append(BLOCK)
                    .append(" operations per thread and contender, after ").append(WARMUP).append(" warm-up pairs")
                    .append(extra.length == 0 ? "" : "; with " + String.join(" ", extra)).append('\n');
            System.out.println(table);
            Path out = Path.of("target/bench/http-overhead.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
        }
    }

    private static SignRequest request(byte[] pdf) {
        return new SignRequest(new Document("letter.pdf", pdf), SigningBenchmark.KEY,
                SignOptions.defaults(SignatureLevel.B_B));
    }

    private static String loadAverage() throws java.io.IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + ", " + f[1] + ", " + f[2];
    }

    /** The benchmarks' text letter of n pages (the peer benchmark in module bench uses the same). */
    static byte[] pages(int n) {
        return SampleLetters.textPages(n);
    }
}
