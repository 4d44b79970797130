package vn.kyso.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.SignatureLevel;
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
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningService;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;
import vn.kyso.core.testing.LatencyStats;

/**
 * Signing throughput and latency of a one-page letter in PAdES at B-B, B-T, B-LT and B-LTA, on 1 and 2
 * threads, for three contenders measured in this same process against the same SoftHSM2 key and the
 * same loopback TSA/OCSP/CRL:
 * <ol>
 * <li>the raw HSM signature rate of the key (SHA256withRSA over 32 bytes);</li>
 * <li>plain DSS with default settings: a fresh {@code CommonCertificateVerifier} with online OCSP and
 * CRL sources, {@code OnlineTSPSource}, DSS's own key-store token over the same PKCS#11 key;</li>
 * <li>this service through its HTTP API ({@code POST /api/v1/signatures}).</li>
 * </ol>
 * Run with {@code scripts/bench.sh}; prints a table and writes it to target/bench/signing.md.
 */
@Tag("benchmark")
class SigningBenchmark {

    static final String KEY = "ubnd-binh-an";
    static final int OPS = Integer.getInteger("bench.ops", 60);
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);

    @Test
    void signingThroughput() throws Exception {
        try (ConfigurableApplicationContext app = BenchService.start("signing-bench",
                Map.of("logging.level.root", "WARN"))) {
            int port = BenchService.port(app);
            DemoPki pki = app.getBean(DemoPki.class);
            SigningService signing = app.getBean(SigningService.class);
            byte[] letter = BenchLetters.oneLetter();

            Map<String, LatencyStats> results = new LinkedHashMap<>();
            PrivateKey hsmKey = hsmKey(pki);
            java.security.Provider p11 = pki.pkcs11Provider(KeyFamily.SPECIALISED);
            for (int threads : new int[] {1, 2}) {
                rawHsm(p11, hsmKey, 200);
                results.put("raw-hsm/" + threads, LatencyStats.measure(threads, 500, () -> rawHsm(p11, hsmKey, 1)));
            }
            PlainDss plain = new PlainDss(pki);
            HttpSigner http = new HttpSigner(port);
            // Warm the JIT over every path once before any figure is taken, so the first contender
            // measured is not the one paying for compilation.
            SignRequest warm = new SignRequest(new Document("letter.pdf", letter), KEY,
                    SignOptions.defaults(vn.kyso.signing.SignatureLevel.B_B));
            for (int i = 0; i < 10 * WARMUP; i++) {
                http.sign(letter, "B-B");
                signing.sign(warm);
                plain.sign(letter, "B-B");
            }
            // -Dbench.levels=B-B measures fewer levels (e.g. to compare two commits' HTTP path quickly).
            for (String level : List.of(System.getProperty("bench.levels", "B-B,B-T,B-LT,B-LTA").split(","))) {
                for (int threads : new int[] {1, 2}) {
                    // Plain DSS builds its services per call, as its documentation's examples do.
                    for (int i = 0; i < WARMUP; i++) {
                        plain.sign(letter, level);
                    }
                    results.put("dss-default/" + level + "/" + threads,
                            LatencyStats.measure(threads, OPS, () -> plain.sign(letter, level)));
                    for (int i = 0; i < WARMUP; i++) {
                        http.sign(letter, level);
                    }
                    results.put("service-http/" + level + "/" + threads,
                            LatencyStats.measure(threads, OPS, () -> http.sign(letter, level)));
                    SignRequest direct = new SignRequest(new Document("letter.pdf", letter), KEY,
                            SignOptions.defaults(vn.kyso.signing.SignatureLevel.valueOf("B_" + level.substring(2))));
                    results.put("service-direct/" + level + "/" + threads,
                            LatencyStats.measure(threads, OPS, () -> signing.sign(direct)));
                }
            }
            String report = report(results);
            System.out.println(report);
            Path out = Path.of("target/bench/signing.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(results).isNotEmpty();
        }
    }

    private static String report(Map<String, LatencyStats> r) {
        StringBuilder sb = new StringBuilder();
        sb.append("| contender | level | threads | docs/s | p50 ms | p95 ms | vs plain DSS | vs raw HSM |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (var e : r.entrySet()) {
            String[] k = e.getKey().split("/");
            LatencyStats s = e.getValue();
            String level = k.length == 3 ? k[1] : "-";
            String threads = k[k.length - 1];
            LatencyStats dss = r.get("dss-default/" + level + "/" + threads);
            LatencyStats raw = r.get("raw-hsm/" + threads);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.2f | %.2f | %s | %s |%n", k[0], level,
                    threads, s.perSecond(), s.p50Millis(), s.p95Millis(),
                    dss == null ? "-" : String.format(Locale.ROOT, "%.2fx", s.perSecond() / dss.perSecond()),
                    raw == null || k[0].equals("raw-hsm") ? "-"
                            : String.format(Locale.ROOT, "%.3fx", s.perSecond() / raw.perSecond())));
        }
        return sb.toString();
    }

    private static PrivateKey hsmKey(DemoPki pki) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS11", pki.pkcs11Provider(KeyFamily.SPECIALISED));
        ks.load(null, Files.readString(pki.pinFile(KeyFamily.SPECIALISED)).strip().toCharArray());
        return (PrivateKey) ks.getKey(pki.identity(KEY).keyLabel(), null);
    }

    private static void rawHsm(java.security.Provider provider, PrivateKey key, int times) throws Exception {
        byte[] data = new byte[32];
        for (int i = 0; i < times; i++) {
            Signature s = Signature.getInstance("SHA256withRSA", provider);
            s.initSign(key);
            s.update(data);
            s.sign();
        }
    }

    /** DSS used as its cookbook shows, with defaults, over the same PKCS#11 key. */
    static final class PlainDss {
        private final DemoPki pki;
        private final Pkcs11SignatureToken token;
        private final DSSPrivateKeyEntry key;

        PlainDss(DemoPki pki) throws Exception {
            this.pki = pki;
            char[] pin = Files.readString(pki.pinFile(KeyFamily.SPECIALISED)).strip().toCharArray();
            this.token = new Pkcs11SignatureToken(pki.pkcs11Library(), new KeyStore.PasswordProtection(pin),
                    Math.toIntExact(pki.slotId(KeyFamily.SPECIALISED)));
            DemoIdentity id = pki.identity(KEY);
            this.key = token.getKeys().stream()
                    .filter(k -> k.getCertificate().getCertificate().equals(id.certificate()))
                    .findFirst().orElseThrow();
        }

        byte[] sign(byte[] pdf, String level) throws Exception {
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            for (KeyFamily f : KeyFamily.values()) {
                pki.trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
            }
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setOcspSource(new OnlineOCSPSource());
            verifier.setCrlSource(new OnlineCRLSource());
            PAdESService service = new PAdESService(verifier);
            service.setTspSource(new OnlineTSPSource(pki.tsaUrl()));

            PAdESSignatureParameters p = new PAdESSignatureParameters();
            p.setSignatureLevel(SignatureLevel.valueOf("PAdES_BASELINE_" + level.substring(2)));
            p.setSigningCertificate(key.getCertificate());
            p.setCertificateChain(key.getCertificateChain());
            if (!level.equals("B-B")) {
                p.setContentSize(24_000);
            }
            DSSDocument doc = new InMemoryDocument(pdf, "letter.pdf");
            ToBeSigned tbs = service.getDataToSign(doc, p);
            SignatureValue value = token.sign(tbs, p.getDigestAlgorithm(), key);
            try (var in = service.signDocument(doc, p, value).openStream()) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * A client of the service's REST API: one multipart POST per document, as a Java agency system
     * sends it with the JDK's blocking {@link java.net.HttpURLConnection} (HTTP/1.1, keep-alive, the
     * body with a Content-Length). The JDK's asynchronous {@code HttpClient} hands every request between
     * three threads, which costs this two-core machine about half a millisecond a request more.
     */
    static final class HttpSigner {
        private final URL url;

        HttpSigner(int port) throws java.net.MalformedURLException {
            this.url = URI.create("http://127.0.0.1:" + port + "/api/v1/signatures").toURL();
        }

        byte[] sign(byte[] pdf, String level) throws Exception {
            String boundary = "kyso" + UUID.randomUUID();
            var body = new java.io.ByteArrayOutputStream(pdf.length + 512);
            body.writeBytes(field(boundary, "key", KEY));
            body.writeBytes(field(boundary, "level", level));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(pdf);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpURLConnection http = (HttpURLConnection) url.openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setFixedLengthStreamingMode(body.size());
            http.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
            try (var out = http.getOutputStream()) {
                body.writeTo(out);
            }
            int status = http.getResponseCode();
            if (status != 200) {
                try (var err = http.getErrorStream()) {
                    throw new IllegalStateException("HTTP " + status + ": "
                            + (err == null ? "" : new String(err.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            // Reading the whole body lets the connection go back to the keep-alive cache.
            try (var in = http.getInputStream()) {
                return in.readAllBytes();
            }
        }

        private static byte[] field(String boundary, String name, String value) {
            return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n").getBytes(StandardCharsets.UTF_8);
        }
    }
}
