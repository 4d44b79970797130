package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.internal.SampleLetters;
import vn.kyso.validation.ValidationFixture;

/**
 * What one parse per revision (ADR 0034) saves DSS's validation call alone: the same DSS validator, verifier
 * and policy on the same documents, once with DSS opening every file anew and once through {@link PdfParses},
 * alternating call by call so load from other processes falls on both alike. Prints mean milliseconds, the
 * ratio and the opens saved; writes target/bench/parse-sharing.md.
 */
@Tag("benchmark")
class ParseSharingBenchmark {

    static final int OPS = Integer.getInteger("bench.ops", 40);
    static final int WARMUP = Integer.getInteger("bench.warmup", 15);

    @Test
    void parseSharing() throws Exception {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("1-page B-LT", ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LT));
        docs.put("50-page B-LT", ValidationFixture.sign(SampleLetters.textPages(50), "ubnd-binh-an", SignatureLevel.B_LT));
        byte[] three = ValidationFixture.sign(ValidationFixture.oneLetter(), "tran-thi-bich-ngoc", SignatureLevel.B_T);
        three = ValidationFixture.sign(three, "ubnd-binh-an", SignatureLevel.B_LT);
        docs.put("3 signatures", ValidationFixture.sign(three, "so-noi-vu-binh-an", SignatureLevel.B_LT));

        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        for (KeyFamily f : KeyFamily.values()) {
            ValidationFixture.pki().trustAnchors(f).forEach(c -> trusted.addCertificate(new CertificateToken(c)));
        }
        // embedded revocation data only: both variants do the same certificate work, the PDF work differs
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        var policy = CachedCryptoPolicy.dssDefault();

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Load average %.2f at the start.%n%n| document | DSS opens anew, ms | shared parses, ms | ratio "
                        + "| opens with sharing | opens saved |%n|---|---|---|---|---|---|%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (var doc : docs.entrySet()) {
            byte[] pdf = doc.getValue();
            long own = 0;
            long shared = 0;
            int opened = 0;
            int reused = 0;
            for (int i = 0; i < WARMUP + OPS; i++) {
                long t0 = System.nanoTime();
                validate(pdf, verifier, policy, null);
                long t1 = System.nanoTime();
                try (PdfParses parses = new PdfParses()) {
                    validate(pdf, verifier, policy, parses);
                    opened = parses.opened();
                    reused = parses.reused();
                }
                long t2 = System.nanoTime();
                if (i >= WARMUP) {
                    own += t1 - t0;
                    shared += t2 - t1;
                }
            }
            assertThat(reused).isPositive();
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx | %d | %d |%n", doc.getKey(),
                    own / 1e6 / OPS, shared / 1e6 / OPS, (double) own / shared, opened, reused));
        }
        out.append(String.format(Locale.ROOT, "%nLoad average %.2f at the end; %d calls of each after %d of warm-up.%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), OPS, WARMUP));
        System.out.println(out);
        Path file = Path.of("target/bench/parse-sharing.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    private static void validate(byte[] pdf, CommonCertificateVerifier verifier,
            eu.europa.esig.dss.model.policy.ValidationPolicy policy, PdfParses parses) {
        PDFDocumentValidator validator = PdfParsesTest.validator(pdf, parses);
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(new Date());
        validator.setEnableEtsiValidationReport(false);
        assertThat(validator.validateDocument(policy).getSimpleReport().getSignatureIdList()).isNotEmpty();
    }
}
