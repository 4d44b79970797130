package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.spi.TextExtractor;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/** The ingest decisions without a database, an object store or a validation service. */
class EvidencePlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final ArchiveSettings SETTINGS = ArchiveSettings.defaults();
    private final EvidencePlanner planner = new EvidencePlanner(SETTINGS);

    @Test
    void theLevelIsReadFromTheFormatName() {
        assertThat(EvidencePlanner.level("PAdES-BASELINE-B")).isEqualTo(SignatureLevel.B_B);
        assertThat(EvidencePlanner.level("XAdES-BASELINE-T")).isEqualTo(SignatureLevel.B_T);
        assertThat(EvidencePlanner.level("CAdES-BASELINE-LT")).isEqualTo(SignatureLevel.B_LT);
        assertThat(EvidencePlanner.level("PAdES-BASELINE-LTA")).isEqualTo(SignatureLevel.B_LTA);
        assertThat(EvidencePlanner.level("PKCS7")).isEqualTo(SignatureLevel.B_B);
        assertThat(EvidencePlanner.level(null)).isNull();
    }

    @Test
    void theWeakestSignatureGivesTheLevelAtIngest() {
        EvidencePlanner.Checked checked = EvidencePlanner.Checked.of(report(Verdict.VALID,
                signature("PAdES-BASELINE-LTA", List.of()), signature("PAdES-BASELINE-T", List.of()),
                signature(null, List.of())), new byte[0], "application/pdf");
        assertThat(checked.level()).isEqualTo("PAdES-BASELINE-T");
    }

    @Test
    void onlyValidOrIndeterminateSignaturesBelowLtaAreAugmented() {
        assertThat(EvidencePlanner.augmentation(checked(report(Verdict.UNSIGNED)))).isEqualTo(
                new EvidencePlanner.Augmentation(false, null));
        assertThat(EvidencePlanner.augmentation(checked(report(Verdict.VALID,
                signature("PAdES-BASELINE-LTA", List.of()))))).isEqualTo(new EvidencePlanner.Augmentation(false, null));
        EvidencePlanner.Augmentation invalid = EvidencePlanner.augmentation(checked(report(Verdict.INVALID,
                signature("PAdES-BASELINE-B", List.of()))));
        assertThat(invalid.wanted()).isFalse();
        assertThat(invalid.note()).contains("a signature is invalid");
        assertThat(EvidencePlanner.augmentation(checked(report(Verdict.VALID,
                signature("PAdES-BASELINE-B", List.of()))))).isEqualTo(new EvidencePlanner.Augmentation(true, null));
        assertThat(EvidencePlanner.augmentation(checked(report(Verdict.INDETERMINATE,
                signature("PAdES-BASELINE-LT", List.of())))).wanted()).isTrue();
    }

    @Test
    void evidenceIsRenewedBeforeTheTsaCertificateLapsesOrAtTheAgeLimit() {
        Instant stamped = Instant.parse("2026-01-01T00:00:00Z");
        Instant certificateEnds = stamped.plus(Duration.ofDays(3 * 365));
        EvidencePlanner.Evidence byCertificate = planner.evidence(report(Verdict.VALID, signature("PAdES-BASELINE-LTA",
                List.of(timestamp(stamped.minus(Duration.ofDays(10)), null), timestamp(stamped, certificateEnds)))));
        assertThat(byCertificate.lastTimestamp()).isEqualTo(stamped);
        assertThat(byCertificate.renewBy()).isEqualTo(certificateEnds.minus(SETTINGS.renewalMargin()));

        EvidencePlanner.Evidence byAge = planner.evidence(report(Verdict.VALID, signature("PAdES-BASELINE-LTA",
                List.of(timestamp(stamped, stamped.plus(Duration.ofDays(50 * 365)))))));
        assertThat(byAge.renewBy()).isEqualTo(stamped.plus(SETTINGS.maxEvidenceAge()));

        EvidencePlanner.Evidence none = planner.evidence(report(Verdict.VALID, signature("PAdES-BASELINE-B", List.of())));
        assertThat(none).isEqualTo(new EvidencePlanner.Evidence(null, null));
    }

    @Test
    void aPlanStoresEveryObjectAndAManifestOfTheOthers() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] content = "%PDF-1.7 original".getBytes(StandardCharsets.US_ASCII);
        byte[] lta = "%PDF-1.7 original + archive time-stamp".getBytes(StandardCharsets.US_ASCII);
        ValidationReport report = report(Verdict.VALID, signature("PAdES-BASELINE-B", List.of()));
        EvidencePlanner.Checked checked = new EvidencePlanner.Checked(report, "<etsi/>".getBytes(StandardCharsets.UTF_8),
                "application/pdf", "PAdES-BASELINE-B");
        SignedDocument augmented = new SignedDocument("cv.pdf", "application/pdf", lta, SignatureFormat.PADES,
                SignatureLevel.B_LTA, "key", NOW);
        RecordMetadata requested = Letters.metadata("12/UBND-VP", "Về việc cấp phép");
        List<String> notes = new ArrayList<>(List.of("a note"));

        EvidencePlanner.Prepared p = planner.plan(new EvidencePlanner.Gathered(id, "cv.pdf", content, null, requested,
                Digests.of(content), "clerk", NOW, checked, augmented, new EvidencePlanner.Evidence(NOW, NOW.plusSeconds(60)),
                new TextExtractor.Extracted("nội dung công văn", 3), notes));

        assertThat(p.planned()).extracting(EvidencePlanner.Planned::role).containsExactly(ObjectRole.ORIGINAL,
                ObjectRole.AUGMENTED, ObjectRole.VALIDATION, ObjectRole.VALIDATION_ETSI, ObjectRole.MANIFEST);
        assertThat(p.rows()).extracting(ObjectRow::key).containsExactly("records/" + id + "/original-0.pdf",
                "records/" + id + "/augmented-1.pdf", "records/" + id + "/validation-0.json",
                "records/" + id + "/validation-etsi-0.xml", "records/" + id + "/manifest-0.json");
        assertThat(p.rows().get(1).sha256()).isEqualTo(Digests.sha256(lta));
        assertThat(p.rows().get(1).name()).isEqualTo("cv-lta.pdf");

        JsonNode manifest = ArchiveJson.read(p.planned().get(4).content());
        assertThat(manifest.get("recordId").asText()).isEqualTo(id.toString());
        assertThat(manifest.get("objects")).hasSize(4);
        assertThat(manifest.get("objects").get(1).get("role").asText()).isEqualTo("augmented");
        assertThat(manifest.get("objects").get(0).get("sha512").asText()).isEqualTo(Digests.of(content).sha512());

        CatalogueRow row = p.row();
        assertThat(row.state()).isEqualTo(RecordState.PENDING);
        assertThat(row.findings()).isEqualTo(new CatalogueRow.Findings(Verdict.VALID, NOW, "PAdES-BASELINE-B", true,
                NOW, NOW.plusSeconds(60)));
        assertThat(row.metadata().pageCount()).isEqualTo(3);
        assertThat(row.metadata().signer()).isEqualTo("Nguyễn Văn A");
        assertThat(row.disposableFrom()).isEqualTo(LocalDate.of(2037, 1, 1));
        assertThat(row.extractedText()).isEqualTo("nội dung công văn");
        assertThat(p.detail()).isEqualTo("verdict VALID, level PAdES-BASELINE-B, augmented to B-LTA; a note");
        assertThat(p.searchFolded()).contains("noi dung cong van").contains("nguyen van a");
        assertThat(p.searchExact()).contains("nội dung công văn");
    }

    @Test
    void aDetachedSignatureKeepsItsSignedDataAndAnUnsignedScanGetsNoEvidence() {
        UUID id = UUID.randomUUID();
        byte[] scan = {1, 2, 3};
        EvidencePlanner.Checked checked = new EvidencePlanner.Checked(report(Verdict.UNSIGNED), new byte[0],
                "application/octet-stream", null);
        EvidencePlanner.Prepared p = planner.plan(new EvidencePlanner.Gathered(id, "scan", scan, new byte[] {9},
                Letters.metadata("13/UBND-VP", "Bản quét"), Digests.of(scan), "clerk", NOW, checked, null,
                new EvidencePlanner.Evidence(null, null), new TextExtractor.Extracted(null, null), List.of()));
        assertThat(p.planned()).extracting(EvidencePlanner.Planned::role).containsExactly(ObjectRole.ORIGINAL,
                ObjectRole.SIGNED_DATA, ObjectRole.VALIDATION, ObjectRole.MANIFEST);
        assertThat(p.rows().get(0).key()).endsWith("/original-0.bin");
        assertThat(p.row().findings().augmented()).isFalse();
        assertThat(p.detail()).isEqualTo("verdict UNSIGNED, level null");
    }

    @Test
    void retentionRunsToTheDisposalDayOrThePermanentTermAndEndsWithIt() {
        RecordMetadata tenYears = Letters.metadata("14/UBND-VP", "Mười năm", LocalDate.of(2026, 3, 1),
                PreservationPeriod.ofYears(10), null);
        CatalogueRow ten = CatalogueRow.accepted(UUID.randomUUID(), tenYears, facts(), NOW, "clerk");
        assertThat(EvidencePlanner.retainUntil(ten, SETTINGS, NOW)).isEqualTo(Instant.parse("2036-12-31T17:00:00Z"));
        assertThat(EvidencePlanner.retainUntil(ten, SETTINGS, Instant.parse("2037-01-01T00:00:00Z"))).isNull();

        RecordMetadata permanent = Letters.metadata("15/UBND-VP", "Vĩnh viễn", LocalDate.of(2026, 3, 1),
                PreservationPeriod.permanent(), null);
        CatalogueRow forever = CatalogueRow.accepted(UUID.randomUUID(), permanent, facts(), NOW, "clerk");
        assertThat(forever.disposableFrom()).isNull();
        // ArchiveSettings.defaults(): 100 years from ingest.
        assertThat(EvidencePlanner.retainUntil(forever, SETTINGS, NOW)).isEqualTo(Instant.parse("2126-12-05T03:00:00Z"));
    }

    private static CatalogueRow.OriginalFacts facts() {
        return new CatalogueRow.OriginalFacts("cv.pdf", "application/pdf", 3, "a".repeat(64), "b".repeat(128));
    }

    private static EvidencePlanner.Checked checked(ValidationReport report) {
        return EvidencePlanner.Checked.of(report, new byte[0], "application/pdf");
    }

    private static ValidationReport report(Verdict verdict, SignatureReport... signatures) {
        return new ValidationReport("cv.pdf", "0".repeat(64), verdict, new Explanation(verdict.name(), "vi", "en"), NOW,
                List.of(signatures), List.of());
    }

    private static SignatureReport signature(String format, List<SignatureReport.TimestampInfo> timestamps) {
        return new SignatureReport("S-1", Verdict.VALID, new Explanation("OK", "vi", "en"), "Nguyễn Văn A",
                "UBND tỉnh Bình An", KeyFamily.PUBLIC, null, null, NOW, timestamps, format, null, List.of());
    }

    private static SignatureReport.TimestampInfo timestamp(Instant time, Instant tsaCertificateExpiry) {
        return new SignatureReport.TimestampInfo("ARCHIVE_TIMESTAMP", time, "TSA", true, tsaCertificateExpiry);
    }
}
