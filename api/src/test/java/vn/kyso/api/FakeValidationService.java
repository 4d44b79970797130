package vn.kyso.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.Language;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationResult;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * A hand-written ValidationService for controller slices: it records each request and answers a canned
 * report (one valid organisation signature), or throws what a test told it to. Register it with
 * {@code @Import(FakeValidationService.class)} and call {@link #reset()} before each test, since slices
 * share one context.
 */
public class FakeValidationService implements ValidationService {

    public static final Instant VALIDATED_AT = Instant.parse("2025-03-04T05:06:07Z");
    public static final Instant SIGNED_AT = Instant.parse("2025-03-04T02:00:00Z");
    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final byte[] ETSI_XML = "<ValidationReport xmlns=\"http://uri.etsi.org/19102/v1.2.1#\"/>"
            .getBytes(StandardCharsets.UTF_8);

    public ValidationRequest lastRequest;
    public Language lastPdfLanguage;
    private RuntimeException failure;

    public void reset() {
        lastRequest = null;
        lastPdfLanguage = null;
        failure = null;
    }

    /** Every following call throws {@code e}. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    @Override
    public ValidationResult validate(ValidationRequest request) {
        if (failure != null) {
            throw failure;
        }
        lastRequest = request;
        return new ValidationResult(report(request.document().name()), ETSI_XML);
    }

    /** The first half of the file for the canned signature "S-1", nothing for any other id. */
    @Override
    public java.util.Optional<vn.kyso.validation.SignedFile> signedRevision(vn.kyso.validation.SignedFile document,
            String signatureId) {
        if (failure != null) {
            throw failure;
        }
        if (!"S-1".equals(signatureId)) {
            return java.util.Optional.empty();
        }
        byte[] content = document.content();
        return java.util.Optional.of(new vn.kyso.validation.SignedFile("signed.pdf",
                java.util.Arrays.copyOf(content, content.length / 2)));
    }

    @Override
    public byte[] pdfReport(ValidationReport report, Language language) {
        lastPdfLanguage = language;
        return ("%PDF-1.7 report " + language + " " + report.verdict()).getBytes(StandardCharsets.US_ASCII);
    }

    public static ValidationReport report(String name) {
        var signature = new SignatureReport("S-1", Verdict.VALID,
                new Explanation("TOTAL_PASSED", "Chữ ký hợp lệ", "The signature is valid"),
                "UBND xã Bình An", "UBND tỉnh Hòa Bình", KeyFamily.SPECIALISED,
                new SignatureReport.CertificateInfo("CN=UBND xã Bình An, O=UBND tỉnh Hòa Bình, C=VN",
                        "CN=CA phục vụ các cơ quan Nhà nước, C=VN", "0A1B2C",
                        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2029-01-01T00:00:00Z")),
                new SignatureReport.RevocationInfo("GOOD", "OCSP", SIGNED_AT, null),
                SIGNED_AT,
                List.of(new SignatureReport.TimestampInfo("SIGNATURE_TIMESTAMP", SIGNED_AT, "TSA Kyso", true, null)),
                "PAdES-BASELINE-T",
                new Explanation("WHOLE_DOCUMENT", "Toàn bộ văn bản", "The whole document"),
                List.of());
        return new ValidationReport(name, SHA256, Verdict.VALID,
                new Explanation("VALID", "Văn bản hợp lệ — ký bởi UBND xã Bình An lúc 09:00 04/03/2025",
                        "Valid document — signed by UBND xã Bình An at 09:00 04/03/2025"),
                VALIDATED_AT, List.of(signature), List.of());
    }
}
