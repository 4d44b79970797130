package vn.kyso.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.core.revocation.RevocationCache;
import vn.kyso.core.revocation.RevocationKey;
import vn.kyso.core.testing.LatencyStats;
import vn.kyso.demopki.DemoPki;
import vn.kyso.dss.CachedRevocationSource;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SigningFixture;

/**
 * What fresh revocation data costs at B-LT (issue #10), in one run on the same SoftHSM2 key and the
 * same loopback TSA/OCSP/CRL, PAdES, one-page letter, no appearance:
 * <ul>
 * <li><b>before</b> — the pre-#10 behaviour rebuilt on the same DSS pipeline: one shared cache whose
 * answers are reused while valid, whatever the time-stamp, DSS's freshness alert silenced;</li>
 * <li><b>service</b> — the service now: answers issued after each signature's time-stamp;</li>
 * <li><b>batch</b> — {@code signBatch} of 10 letters.</li>
 * </ul>
 * Ratios are against each contender's own B-T in the same run (B-T needs no revocation data). Run
 * with {@code mvn -o -pl signing -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=FreshRevocationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; writes target/bench/fresh-revocation.md.
 */
@Tag("benchmark")
class FreshRevocationBenchmark {

    static final String KEY = "ubnd-binh-an";
    static final int OPS = Integer.getInteger("bench.ops", 40);
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);

    @Test
    void bltCostOfFreshRevocationData() throws Exception {
        DemoPki pki = SigningFixture.pki();
        DssSigningService service = SigningFixture.newService();
        Before before = new Before(pki, service.keyRegistry().find(KEY));
        SignRequest bt = new SignRequest(SigningServiceTest.LETTER, KEY, SignOptions.defaults(SignatureLevel.B_T));
        SignRequest blt = new SignRequest(SigningServiceTest.LETTER, KEY, SignOptions.defaults(SignatureLevel.B_LT));
        for (int i = 0; i < WARMUP; i++) {
            before.sign(SignatureLevel.B_T);
            before.sign(SignatureLevel.B_LT);
            service.sign(bt);
            service.sign(blt);
        }
        Map<String, LatencyStats> r = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2}) {
            r.put("before/B-T/" + threads, LatencyStats.measure(threads, OPS, () -> before.sign(SignatureLevel.B_T)));
            r.put("before/B-LT/" + threads, LatencyStats.measure(threads, OPS,
                    () -> before.sign(SignatureLevel.B_LT)));
            r.put("service/B-T/" + threads, LatencyStats.measure(threads, OPS, () -> service.sign(bt)));
            r.put("service/B-LT/" + threads, LatencyStats.measure(threads, OPS, () -> service.sign(blt)));
        }
        List<SignRequest> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(blt);
        }
        // One "operation" is a batch of ten; docs/s below is per document.
        r.put("batch/B-LT/1", LatencyStats.measure(1, Math.max(1, OPS / 10), () -> service.signBatch(ten)));

        StringBuilder sb = new StringBuilder();
        sb.append("| contender | level | threads | docs/s | p50 ms | p95 ms | vs own B-T |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (var e : r.entrySet()) {
            String[] k = e.getKey().split("/");
            LatencyStats s = e.getValue();
            boolean batch = k[0].equals("batch");
            double perSecond = batch ? s.perSecond() * 10 : s.perSecond();
            LatencyStats base = r.get((batch ? "service" : k[0]) + "/B-T/" + k[2]);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.2f | %.2f | %.2fx |%n", k[0], k[1], k[2],
                    perSecond, s.p50Millis() / (batch ? 10 : 1), s.p95Millis() / (batch ? 10 : 1),
                    perSecond / base.perSecond()));
        }
        System.out.println(sb);
        Path out = Path.of("target/bench/fresh-revocation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, sb.toString());
        assertThat(r).hasSize(9);
        service.close();
    }

    /** The pre-#10 revocation behaviour on the service's DSS pipeline and key. */
    static final class Before {
        private final PAdESService pades;
        private final KeyEntry key;

        Before(DemoPki pki, KeyEntry key) {
            this.key = key;
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            for (KeyFamily f : KeyFamily.values()) {
                pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
            }
            RevocationCache cache = new RevocationCache(RevocationCache.Settings.defaults(Duration.ofHours(1)),
                    Clock.systemUTC());
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setOcspSource(new CachedRevocationSource<>(new OnlineOCSPSource(), RevocationKey.Kind.OCSP, cache,
                FreshnessFloor::current));
            verifier.setCrlSource(new CachedRevocationSource<>(new OnlineCRLSource(), RevocationKey.Kind.CRL, cache,
                FreshnessFloor::current));
            verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
            verifier.setAlertOnUncoveredPOE(new SilentOnStatusAlert());
            pades = new PAdESService(verifier);
            pades.setPdfObjFactory(Decree30Layout.objectFactory());
            pades.setTspSource(new OnlineTSPSource(SigningFixture.settings().tsaUrl()));
        }

        byte[] sign(SignatureLevel level) throws Exception {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            PAdESSignatureParameters p = DssParameters.pades(level, DigestAlgorithm.SHA256, key.chain(), now);
            DSSDocument doc = new InMemoryDocument(SigningServiceTest.LETTER.content(), "letter.pdf");
            ToBeSigned tbs = pades.getDataToSign(doc, p);
            SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                    EncryptionAlgorithm.forKey(key.certificate().getPublicKey()), p.getDigestAlgorithm());
            byte[] value = key.signer().sign(tbs.getBytes(), algorithm.getJCEId());
            try (var in = pades.signDocument(doc, p, new SignatureValue(algorithm, value)).openStream()) {
                return in.readAllBytes();
            }
        }
    }
}
