package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * Signatures whose signed attributes are not DER but whose value verifies over them as written (OpenSSL
 * confirms): never SIG_CRYPTO_FAILURE, but SIGNED_ATTRIBUTES_NOT_DER; a value that does not verify at
 * all stays SIG_CRYPTO_FAILURE.
 */
class NonDerSignedAttributesTest {

    static DirectSigner signer;
    static byte[] signed;

    @BeforeAll
    static void sign() {
        signer = DirectSigner.software(ValidationFixture.pki());
        signed = signer.pades(ValidationFixture.oneLetter(), Instant.now());
    }

    @Test
    void aGenuineSignatureOverNonDerAttributesIsNotACryptoFailure() throws Exception {
        for (NonDerSignatures.Variant variant : NonDerSignatures.Variant.values()) {
            NonDerSignatures.Result r = NonDerSignatures.rebuild(signed, signer, variant, false);
            // two independent stacks verify the value over the signed byte range
            assertThat(openSslVerifies(r, variant.name())).as(variant.name()).isTrue();
            assertThat(pdfsig(r.pdf(), variant.name())).contains("Signature Validation: Signature is Valid.");

            ValidationReport report = ValidationFixture.validate(r.pdf()).report();

            SignatureReport s = report.signatures().get(0);
            assertThat(s.reason().code()).as(variant + " " + report).isEqualTo(AsEncodedSignedAttributes.NOT_DER);
            assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(s.reason().en()).contains("not forged", "not DER-encoded");
            assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(report.summary().vi()).contains("không bị giả mạo");
        }
    }

    @Test
    void aValueThatDoesNotVerifyStaysACryptoFailure() throws Exception {
        NonDerSignatures.Result forged = NonDerSignatures.rebuild(signed, signer,
                NonDerSignatures.Variant.UNSORTED_SET, true);
        assertThat(openSslVerifies(forged, "forged")).isFalse();
        assertThat(pdfsig(forged.pdf(), "forged")).contains("Signature Validation: Signature is Invalid.");

        ValidationReport report = ValidationFixture.validate(forged.pdf()).report();

        assertThat(report.signatures().get(0).reason().code()).isEqualTo("SIG_CRYPTO_FAILURE");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void theDerSignatureItselfIsValid() {
        assertThat(ValidationFixture.validate(signed).report().verdict()).isEqualTo(Verdict.VALID);
    }

    /** poppler's pdfsig (NSS) on the whole file; a missing tool fails the test. */
    static String pdfsig(byte[] pdf, String name) throws Exception {
        Path file = ValidationFixture.artifact("non-der-" + name + ".pdf", pdf);
        Process p = new ProcessBuilder(List.of("pdfsig", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** {@code openssl cms -verify} over the byte range, the certificate chain left aside (-noverify). */
    static boolean openSslVerifies(NonDerSignatures.Result r, String name) throws Exception {
        Path cms = ValidationFixture.artifact("non-der-" + name + ".p7s", r.cms());
        Path content = ValidationFixture.artifact("non-der-" + name + ".bin", r.signedContent());
        ValidationFixture.artifact("non-der-" + name + ".pdf", r.pdf());
        Process p = new ProcessBuilder(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                cms.toString(), "-content", content.toString(), "-noverify", "-out", "/dev/null"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(ValidationFixture.ARTIFACTS.resolve("non-der-" + name + ".openssl.txt"), out);
        return p.exitValue() == 0 && out.contains("Verification successful");
    }
}
