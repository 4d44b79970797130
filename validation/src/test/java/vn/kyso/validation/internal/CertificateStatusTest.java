package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoPki;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;

/** Revoked, expired and untrusted certificates and missing time-stamps get the right verdict and reason. */
class CertificateStatusTest {

    final DemoPki pki = ValidationFixture.pki();

    /**
     * ETSI EN 319 102-1 (5.6.2.4) and DSS keep a revoked signing certificate at INDETERMINATE/REVOKED_NO_POE
     * even when the signature time-stamp is later than the revocation; the reason then says it plainly.
     */
    @Test
    void aCertificateRevokedBeforeTheTimeStampedSigningTimeIsReportedRevokedBeforeSigning() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "so-noi-vu-binh-an", SignatureLevel.B_T);
        Instant revokedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        pki.revoke("so-noi-vu-binh-an", revokedAt);
        try (DssValidationService fresh = ValidationFixture.newService(ValidationFixture.settings())) {
            ValidationReport report = fresh.validate(ValidationRequest.of(new SignedFile("x.pdf", signed))).report();

            SignatureReport s = report.signatures().get(0);
            assertThat(s.verdict()).as(s.toString()).isIn(Verdict.INVALID, Verdict.INDETERMINATE);
            assertThat(s.reason().code()).isIn("REVOKED", "REVOKED_NO_POE");
            assertThat(s.reason().vi()).startsWith("Chứng thư số đã bị thu hồi trước thời điểm ký");
            assertThat(s.reason().en()).startsWith("The certificate was revoked before the document was signed");
            assertThat(s.revocation().status()).isEqualTo("REVOKED");
            assertThat(s.revocation().revokedAt()).isEqualTo(revokedAt);
            assertThat(report.verdict()).isEqualTo(s.verdict());
            assertThat(report.summary().vi()).contains("thu hồi trước thời điểm ký");
        } finally {
            pki.reinstate("so-noi-vu-binh-an");
        }
    }

    @Test
    void aRevokedCertificateWithoutTimeStampCannotBeShownToPredateTheRevocation() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "so-noi-vu-binh-an", SignatureLevel.B_B);
        pki.revoke("so-noi-vu-binh-an", Instant.now().minus(Duration.ofHours(1)));
        try (DssValidationService fresh = ValidationFixture.newService(ValidationFixture.settings())) {
            SignatureReport s = fresh.validate(ValidationRequest.of(new SignedFile("x.pdf", signed))).report()
                    .signatures().get(0);

            assertThat(s.verdict()).as(s.toString()).isIn(Verdict.INVALID, Verdict.INDETERMINATE);
            assertThat(s.reason().code()).isIn("REVOKED", "REVOKED_NO_POE");
            assertThat(s.reason().vi()).startsWith("Chứng thư số đã bị thu hồi trước thời điểm ký do người ký khai");
        } finally {
            pki.reinstate("so-noi-vu-binh-an");
        }
    }

    @Test
    void aSignatureByAnExpiredCertificateIsNotValid() throws Exception {
        DirectSigner expired = DirectSigner.token(pki, "het-han");
        Instant whileValid = expired.certificate().getNotBefore().toInstant().plus(Duration.ofDays(1));
        byte[] signed = expired.pades(ValidationFixture.oneLetter(), whileValid);

        SignatureReport s = ValidationFixture.validate(signed).report().signatures().get(0);

        assertThat(s.verdict()).as(s.toString()).isIn(Verdict.INDETERMINATE, Verdict.INVALID);
        // an OCSP "good" produced after expiry says nothing about the certificate, so DSS finds no
        // acceptable revocation data; the reason names the cause
        assertThat(s.reason().code()).isIn("EXPIRED", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED",
                "CERTIFICATE_CHAIN_GENERAL_FAILURE");
        assertThat(s.reason().vi()).isEqualTo("Chứng thư số đã hết hạn và không có dấu thời gian chứng minh văn bản "
                + "được ký khi chứng thư còn hiệu lực");
        assertThat(s.signerName()).isEqualTo("Ngô Văn Hết Hạn");
        assertThat(s.certificate().notAfter()).isBefore(Instant.now());
    }

    @Test
    void aSpecialisedSignatureIsUntrustedWhenOnlyPublicAnchorsAreConfigured() {
        byte[] signed = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        try (DssValidationService publicOnly = ValidationFixture.newService(ValidationFixture.trusting(KeyFamily.PUBLIC))) {
            ValidationReport report = publicOnly.validate(ValidationRequest.of(new SignedFile("x.pdf", signed))).report();

            SignatureReport s = report.signatures().get(0);
            assertThat(s.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(s.reason().code()).isEqualTo("NO_CERTIFICATE_CHAIN_FOUND");
            assertThat(s.reason().vi())
                    .isEqualTo("Chứng thư số không thuộc hệ thống tin cậy (chuyên dùng công vụ hoặc công cộng)");
            assertThat(s.family()).isNull();
            assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
        }
    }

    @Test
    void withoutATimeStampNothingProvesTheSignatureBeforeTheCertificateExpired() {
        byte[] basic = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_B);
        byte[] archived = ValidationFixture.sign(ValidationFixture.oneLetter(), "ubnd-binh-an", SignatureLevel.B_LTA);
        Instant afterExpiry = pki.identity("ubnd-binh-an").certificate().getNotAfter().toInstant()
                .plus(Duration.ofDays(30));

        SignatureReport b = at(basic, afterExpiry);
        assertThat(b.timestamps()).isEmpty();
        assertThat(b.format()).isEqualTo("PAdES-BASELINE-B");
        assertThat(b.verdict()).as(b.toString()).isNotEqualTo(Verdict.VALID);
        assertThat(b.reason().vi()).contains("hết hạn").contains("không có dấu thời gian");

        SignatureReport lta = at(archived, afterExpiry);
        assertThat(lta.timestamps()).isNotEmpty();
        assertThat(lta.reason().vi()).as(lta.toString()).doesNotContain("hết hạn");
    }

    private static SignatureReport at(byte[] signed, Instant validationTime) {
        return ValidationFixture.service().validate(new ValidationRequest(new SignedFile("x.pdf", signed),
                java.util.List.of(), validationTime)).report().signatures().get(0);
    }
}
