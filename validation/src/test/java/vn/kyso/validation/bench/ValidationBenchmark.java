package vn.kyso.validation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.internal.SampleLetters;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.demopki.DemoPki;
import vn.kyso.demopki.testing.DemoPkiFixture;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.DssVerdicts;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;
import vn.kyso.validation.demo.DemoValidationSettings;
import vn.kyso.validation.internal.DssValidationService;

/**
 * Validations per second and p50/p95 of repeated documents from the same issuers, for the service and
 * for plain DSS with default settings (a new verifier with online OCSP/CRL per document), in one JVM:
 * a one-page PAdES B-LT letter, a 50-page B-LT letter, and a letter with three signatures. Run with
 * scripts/bench.sh; writes target/bench/validation.md.
 */
@Tag("benchmark")
class ValidationBenchmark {

    static final int OPS = Integer.getInteger("bench.ops", 40);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);

    @Test
    void validationThroughput() throws Exception {
        DemoPki pki = DemoPkiFixture.shared();
        SigningService signing = SigningFixture.service();
        byte[] onePage = Files.readAllBytes(Path.of("../samples/letters/cong-van-mot-trang.pdf"));
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("1-page B-LT", sign(signing, onePage, "ubnd-binh-an", SignatureLevel.B_LT, Appearance.NONE));
        docs.put("50-page B-LT", sign(signing, pages(50), "ubnd-binh-an", SignatureLevel.B_LT, Appearance.NONE));
        byte[] three = sign(signing, onePage, "tran-thi-bich-ngoc", SignatureLevel.B_T, Appearance.PERSON);
        three = sign(signing, three, "ubnd-binh-an", SignatureLevel.B_LT, Appearance.ORGANISATION);
        three = sign(signing, three, "so-noi-vu-binh-an", SignatureLevel.B_LT, Appearance.NONE);
        docs.put("3 signatures", three);

        try (DssValidationService service = new DssValidationService(DemoValidationSettings.from(pki),
                Clock.systemUTC())) {
            Map<String, LatencyStats> results = new LinkedHashMap<>();
            // Warm the JIT on every document and both contenders before any figure is taken.
            for (int i = 0; i < 5 * WARMUP; i++) {
                for (byte[] d : docs.values()) {
                    plainDss(pki, d);
                    service.validate(ValidationRequest.of(new SignedFile("d.pdf", d)));
                }
            }
            for (var doc : docs.entrySet()) {
                assertThat(service.validate(ValidationRequest.of(new SignedFile("d.pdf", doc.getValue())))
                        .report().verdict()).isEqualTo(Verdict.VALID);
                assertThat(plainDss(pki, doc.getValue())).isTrue();
                for (int threads : new int[] {1, 2}) {
                    for (int i = 0; i < WARMUP; i++) {
                        plainDss(pki, doc.getValue());
                        service.validate(ValidationRequest.of(new SignedFile("d.pdf", doc.getValue())));
                    }
                    results.put("dss-default/" + doc.getKey() + "/" + threads,
                            LatencyStats.measure(threads, OPS, () -> plainDss(pki, doc.getValue())));
                    results.put("service/" + doc.getKey() + "/" + threads, LatencyStats.measure(threads, OPS,
                            // As the page and the JSON API call it: no ETSI XML unless asked for.
                            () -> service.validate(ValidationRequest.of(new SignedFile("d.pdf", doc.getValue()))
                                    .withEtsiReport(false))));
                }
            }
            String report = report(results);
            System.out.println(report);
            Path out = Path.of("target/bench/validation.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        }
    }

    static byte[] sign(SigningService signing, byte[] pdf, String key, SignatureLevel level, Appearance a) {
        return signing.sign(new SignRequest(new Document("letter.pdf", pdf), key,
                SignOptions.defaults(level).withAppearance(a, null))).content();
    }

    /** DSS as its cookbook shows it: a new verifier with online revocation sources per document. */
    static boolean plainDss(DemoPki pki, byte[] signed) {
        return DssVerdicts.validate(pki, signed).stream().allMatch(v -> v.indication() == Indication.TOTAL_PASSED);
    }

    static byte[] pages(int n) {
        return SampleLetters.textPages(n);
    }

    static String report(Map<String, LatencyStats> r) {
        StringBuilder sb = new StringBuilder(
                "| contender | document | threads | validations/s | p50 ms | p95 ms | vs plain DSS |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (var e : r.entrySet()) {
            String[] k = e.getKey().split("/");
            LatencyStats s = e.getValue();
            LatencyStats dss = r.get("dss-default/" + k[1] + "/" + k[2]);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.2fx |%n", k[0], k[1], k[2],
                    s.perSecond(), s.p50Millis(), s.p95Millis(), s.perSecond() / dss.perSecond()));
        }
        return sb.toString();
    }
}
