package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.xml.utils.DomUtils;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingSupplier;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.Verdict;

/** Bad input gets a clear error code, quickly, and never a hang or a leaked path. */
class InputLimitsTest {

    @Test
    void emptyAndForeignFilesAreRefused() {
        assertRefused(new byte[0], ValidationError.EMPTY_DOCUMENT);
        assertRefused(HostileInputs.PNG, ValidationError.UNSUPPORTED_DOCUMENT);
        assertRefused(HostileInputs.text("Xin chào, đây là văn bản thường."), ValidationError.UNSUPPORTED_DOCUMENT);
        assertRefused(HostileInputs.randomBytes(7, 4096), ValidationError.UNSUPPORTED_DOCUMENT);
        // JSON, XML and PDF are signed formats: without a signature they are reported UNSIGNED, not refused
        assertThat(ValidationFixture.validate(new SignedFile("a.json", HostileInputs.text("{\"khong\":\"co chu ky\"}")))
                .report().verdict()).isEqualTo(Verdict.UNSIGNED);
    }

    @Test
    void sizesAreCheckedBeforeParsing() {
        ValidationSettings small = new ValidationSettings(ValidationFixture.settings().trustStores(), false, null,
                null, 1000, null, 0, ValidationFixture.settings().fetch());
        try (DssValidationService service = ValidationFixture.newService(small)) {
            assertThatThrownBy(() -> service.validate(ValidationRequest.of(new SignedFile("x.pdf",
                    ValidationFixture.oneLetter()))))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.error()).isEqualTo(ValidationError.DOCUMENT_TOO_LARGE));
            assertThatThrownBy(() -> service.validate(new ValidationRequest(new SignedFile("x.p7s", new byte[10]),
                    List.of(new SignedFile("big.bin", new byte[2000])), null)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.error()).isEqualTo(ValidationError.DOCUMENT_TOO_LARGE));
            assertThatThrownBy(() -> service.validate(new ValidationRequest(new SignedFile("x.p7s", new byte[10]),
                    List.of(new SignedFile("empty.bin", new byte[0])), null)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.error()).isEqualTo(ValidationError.EMPTY_DOCUMENT));
        }
    }

    @Test
    void zipBombsAndDeeplyNestedArchivesAreTooComplex() {
        assertRefused(HostileInputs.zipBomb(200L * 1024 * 1024), ValidationError.DOCUMENT_TOO_COMPLEX);
        assertRefused(HostileInputs.manyEntries(1_500), ValidationError.DOCUMENT_TOO_COMPLEX);
        assertRefused(HostileInputs.nestedZips(4), ValidationError.DOCUMENT_TOO_COMPLEX);
        // two levels pass the guard; DSS then finds no ASiC signature in them
        assertRefused(HostileInputs.nestedZips(2), ValidationError.UNSUPPORTED_DOCUMENT);
    }

    @Test
    void xmlExternalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "KYSO-SECRET-4711");
        for (byte[] xml : List.of(HostileInputs.externalEntity(secret.toUri().toString()),
                HostileInputs.externalEntity("file:///etc/passwd"), HostileInputs.parameterEntity(secret.toUri().toString()))) {
            ValidationException e = assertRefused(xml, ValidationError.MALFORMED_DOCUMENT);
            assertThat(e.getMessage()).doesNotContain("KYSO-SECRET").doesNotContain("root:");
        }
        // DSS's own parser, behind our guard, refuses the DOCTYPE as well
        assertThatThrownBy(() -> DomUtils.buildDOM(HostileInputs.externalEntity(secret.toUri().toString())))
                .satisfies(t -> assertThat(String.valueOf(t.getMessage())).doesNotContain("KYSO-SECRET"));
    }

    @Test
    void entityBombsAndDeepNestingAreRefusedQuickly() {
        assertRefused(HostileInputs.billionLaughs(), ValidationError.MALFORMED_DOCUMENT);
        assertRefused(HostileInputs.deepXml(10_000), ValidationError.DOCUMENT_TOO_COMPLEX);
        assertRefused(HostileInputs.deepJson(100_000), ValidationError.DOCUMENT_TOO_COMPLEX);
        assertRefused(HostileInputs.deepDer(10_000), ValidationError.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void pdfsWithTooManyObjectsAreTooComplexAndFiftyThousandAreFine() {
        byte[] fifty = HostileInputs.manyObjects(50_000);
        assertThat(PdfGuard.countObjects(fifty)).isGreaterThan(50_000);
        ValidationReport report = timed(() -> ValidationFixture.validate(fifty).report());
        assertThat(report.verdict()).isEqualTo(Verdict.UNSIGNED);

        assertRefused(HostileInputs.manyObjects(210_000), ValidationError.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void brokenPdfsAreMalformedOrRepairedButNeverValid() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        for (byte[] broken : List.of(HostileInputs.brokenXref(signed), HostileInputs.brokenXref(
                ValidationFixture.oneLetter()), HostileInputs.text("%PDF-1.7\n" + "rác ".repeat(1000)))) {
            try {
                ValidationReport r = timed(() -> ValidationFixture.validate(broken).report());
                assertThat(r.verdict()).isNotEqualTo(Verdict.VALID);
            } catch (ValidationException e) {
                assertThat(e.error()).isIn(ValidationError.MALFORMED_DOCUMENT, ValidationError.UNSUPPORTED_DOCUMENT);
            }
        }
    }

    @Test
    void passwordProtectedPdfsAreUnsupported() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(ValidationFixture.oneLetter()); var out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu", "nguoi-dung", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
            assertRefused(out.toByteArray(), ValidationError.UNSUPPORTED_DOCUMENT);
        }
    }

    @Test
    void aValidationThatOverrunsItsTimeIsAbandoned() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LTA);
        ValidationSettings hasty = new ValidationSettings(ValidationFixture.settings().trustStores(), false, null,
                null, 0, Duration.ofMillis(1), 1, ValidationFixture.settings().fetch());
        try (DssValidationService service = new DssValidationService(hasty, Clock.systemUTC())) {
            assertThatThrownBy(() -> service.validate(ValidationRequest.of(new SignedFile("x.pdf", signed))))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.error()).isEqualTo(ValidationError.VALIDATION_TIMEOUT));
        }
    }

    @Test
    void aDetachedCmsWithoutItsOriginalAsksForIt() {
        byte[] p7s = ValidationFixture.signer().sign(new vn.kyso.signing.SignRequest(new vn.kyso.signing.Document(
                "a.bin", new byte[] {1, 2, 3}), "pham-thu-ha", vn.kyso.signing.SignOptions.defaults(SignatureLevel.B_B)))
                .content();
        assertThat(ContentKind.sniff(p7s)).contains(ContentKind.CMS);
        assertRefused(p7s, ValidationError.ORIGINAL_REQUIRED);
    }

    static ValidationException assertRefused(byte[] content, ValidationError expected) {
        long start = System.nanoTime();
        try {
            ValidationReport r = ValidationFixture.validate(new SignedFile("upload.bin", content)).report();
            throw new AssertionError("expected " + expected + " but got a report: " + r);
        } catch (ValidationException e) {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContainPattern("/(tmp|work|root|home|usr)/")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            return e;
        }
    }

    static <T> T timed(ThrowingSupplier<T> call) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), call);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
