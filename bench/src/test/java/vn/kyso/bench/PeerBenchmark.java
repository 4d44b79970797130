package vn.kyso.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Verdict;

/**
 * The service against DSS's own REST services (issue #15), in one JVM and one run, on the same SoftHSM2
 * key, TSA, OCSP and CRL of the demo PKI, contenders interleaved cell by cell:
 * <ul>
 * <li><b>dss-rest</b>: {@link DssRestPeer} driven by {@link DssRestClient} (three HTTP calls a signature);</li>
 * <li><b>service-http</b>: the service's API ({@code POST /api/v1/signatures}, {@code /api/v1/validations});</li>
 * <li><b>service-direct</b>: the service's facades in process (what HTTP adds is the difference);</li>
 * <li><b>dss-default</b>: plain DSS in process as its cookbook shows it, built per call;</li>
 * <li><b>raw-hsm</b>: the key's raw signature rate.</li>
 * </ul>
 * Prints two tables and writes them to target/bench/peer-signing.md and peer-validation.md. Run with
 * scripts/bench.sh; the figures are ratios within this run (docs/benchmarks.md).
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerBenchmark {

    static final String KEY = "ubnd-binh-an";
    /** Operations per cell, shared among the cell's threads (at least 4 each). */
    static final int OPS = Integer.getInteger("bench.ops", 40);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    static final int[] THREADS = {1, 2, 8};
    static final List<String> CONTENDERS = List.of("dss-rest", "service-http", "service-direct", "dss-default");

    private static Contenders bench;

    @BeforeAll
    static void start() throws Exception {
        bench = Contenders.start("peer-bench-archive", KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    @Order(1)
    void signing() throws Exception {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("1-page", BenchDocuments.onePage());
        docs.put("50-page", BenchDocuments.pages(50));
        PlainDssSigner plain = new PlainDssSigner(bench.pki(), KEY);
        // Every contender's output is a valid signature of the expected level before anything is timed.
        for (byte[] doc : docs.values()) {
            for (String level : List.of("B-B", "B-LT")) {
                assertValid(bench.rest().sign(doc, level));
                assertValid(bench.http().sign(doc, level));
                assertValid(plain.sign(doc, level));
            }
        }
        Map<String, LatencyStats> results = new LinkedHashMap<>();
        Map<String, double[]> phases = new LinkedHashMap<>();
        PrivateKey hsmKey = hsmKey();
        Provider p11 = bench.pki().pkcs11Provider(KeyFamily.SPECIALISED);
        rawHsm(p11, hsmKey, 200);
        for (int threads : new int[] {1, 2}) {
            results.put("raw-hsm/-/-/" + threads, LatencyStats.measure(threads, 500, () -> rawHsm(p11, hsmKey, 1)));
        }
        byte[] one = docs.get("1-page");
        for (int i = 0; i < 10 * WARMUP; i++) {
            bench.rest().sign(one, "B-B");
            bench.http().sign(one, "B-B");
            bench.signing().sign(direct(one, "B-B"));
            plain.sign(one, "B-B");
        }
        for (var doc : docs.entrySet()) {
            for (String level : List.of("B-B", "B-T", "B-LT")) {
                SignRequest direct = direct(doc.getValue(), level);
                for (int threads : THREADS) {
                    for (String c : CONTENDERS) {
                        LatencyStats.Operation op = switch (c) {
                            case "dss-rest" -> () -> bench.rest().sign(doc.getValue(), level);
                            case "service-http" -> () -> bench.http().sign(doc.getValue(), level);
                            case "service-direct" -> () -> bench.signing().sign(direct);
                            default -> () -> plain.sign(doc.getValue(), level);
                        };
                        for (int i = 0; i < WARMUP / 4; i++) {
                            op.run();
                        }
                        bench.rest().resetPhases();
                        String cell = c + "/" + doc.getKey() + "/" + level + "/" + threads;
                        results.put(cell, progress(cell, LatencyStats.measure(threads, perThread(threads), op)));
                        if (c.equals("dss-rest")) {
                            phases.put(doc.getKey() + " " + level + " " + threads + " thr", bench.rest().phaseMillis());
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(machine());
        out.append(Tables.signing(results));
        out.append("\nDSS REST peer, mean ms per call of one signature (getDataToSign | server-signing sign | "
                + "signDocument):\n\n| cell | getDataToSign | sign | signDocument |\n|---|---|---|---|\n");
        phases.forEach((cell, ms) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", cell,
                ms[0], ms[1], ms[2])));
        write("peer-signing.md", out.toString());
        assertThat(results).hasSize(2 + docs.size() * 3 * THREADS.length * CONTENDERS.size());
    }

    @Test
    @Order(2)
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
        for (int i = 0; i < 3 * WARMUP; i++) {
            for (byte[] d : docs.values()) {
                bench.rest().validate(d);
                bench.http().validate(d);
                bench.validateDirect(d);
                bench.plainValid(d);
            }
        }
        Map<String, LatencyStats> results = new LinkedHashMap<>();
        for (var doc : docs.entrySet()) {
            byte[] d = doc.getValue();
            for (int threads : THREADS) {
                for (String c : CONTENDERS) {
                    LatencyStats.Operation op = switch (c) {
                        case "dss-rest" -> () -> bench.rest().validate(d);
                        case "service-http" -> () -> bench.http().validate(d);
                        case "service-direct" -> () -> bench.validateDirect(d);
                        default -> () -> bench.plainValid(d);
                    };
                    for (int i = 0; i < WARMUP / 4; i++) {
                        op.run();
                    }
                    String cell = c + "/" + doc.getKey() + "/-/" + threads;
                    results.put(cell, progress(cell, LatencyStats.measure(threads, perThread(threads), op)));
                }
            }
        }
        write("peer-validation.md", machine() + Tables.validation(results));
        assertThat(results).hasSize(docs.size() * THREADS.length * CONTENDERS.size());
    }

    /** Each cell as soon as it is measured, so a long run on a shared machine can be followed (and kept). */
    private static LatencyStats progress(String cell, LatencyStats s) throws Exception {
        Path log = Path.of("target/bench/peer-progress.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, String.format(Locale.ROOT, "%s %s %.1f/s p50 %.1f p95 %.1f load %.1f%n",
                java.time.Instant.now(), cell, s.perSecond(), s.p50Millis(), s.p95Millis(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return s;
    }

    private static int perThread(int threads) {
        return Math.max(4, (OPS + threads - 1) / threads);
    }

    private static SignRequest direct(byte[] pdf, String level) {
        return new SignRequest(new Document("letter.pdf", pdf), KEY,
                SignOptions.defaults(SignatureLevel.valueOf("B_" + level.substring(2))));
    }

    private static void assertValid(byte[] signed) {
        assertThat(DssVerdicts.validate(bench.pki(), signed)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.indication()).isEqualTo(Indication.TOTAL_PASSED));
    }

    private static PrivateKey hsmKey() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS11", bench.pki().pkcs11Provider(KeyFamily.SPECIALISED));
        ks.load(null, Files.readString(bench.pki().pinFile(KeyFamily.SPECIALISED)).strip().toCharArray());
        return (PrivateKey) ks.getKey(bench.pki().identity(KEY).keyLabel(), null);
    }

    private static void rawHsm(Provider provider, PrivateKey key, int times) throws Exception {
        byte[] data = new byte[32];
        for (int i = 0; i < times; i++) {
            Signature s = Signature.getInstance("SHA256withRSA", provider);
            s.initSign(key);
            s.update(data);
            s.sign();
        }
    }

    private static String machine() {
        return String.format(Locale.ROOT, "Machine: %d cores, load average %.2f at the end of the job; JVM %s.%n%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
    }

    private static void write(String name, String report) throws Exception {
        System.out.println(report);
        Path out = Path.of("target/bench", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
