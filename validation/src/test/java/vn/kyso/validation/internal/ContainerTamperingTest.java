package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.signing.ContainerRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.Explanation;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.Verdict;

/**
 * Issue #10 item 6, containers: ASiC containers signed with the demo's trusted keys, then rewritten byte
 * by byte. Whatever the trust in the signer, each rewrite is reported not VALID with its named finding.
 */
class ContainerTamperingTest {

    private static byte[] asicE;
    private static byte[] asicECades;
    private static byte[] asicS;

    @BeforeAll
    static void sign() throws Exception {
        List<Document> files = List.of(new Document("cong-van.pdf", ValidationFixture.oneLetter()),
                new Document("phu-luc.txt", "Phụ lục: danh sách đơn vị".getBytes(StandardCharsets.UTF_8)));
        asicE = ValidationFixture.signer().signContainer(new ContainerRequest(files, "so-noi-vu-binh-an",
                SignatureFormat.XADES, SignatureLevel.B_B, null)).content();
        asicECades = ValidationFixture.signer().signContainer(new ContainerRequest(files, "so-noi-vu-binh-an",
                SignatureFormat.CADES, SignatureLevel.B_B, null)).content();
        asicS = DirectSigner.token(ValidationFixture.pki(), "so-noi-vu-binh-an")
                .asicsXades(ValidationFixture.oneLetter(), "cong-van.pdf");
    }

    @Test
    void theSignedContainersAndTheirFaithfulCopiesAreValidWithoutFindings() {
        for (byte[] container : List.of(asicE, asicECades, asicS)) {
            assertClean(container);
            assertClean(ZipForge.of(container).bytes());
        }
    }

    @Test
    void aFileNoSignatureCoversIsNamed() {
        for (byte[] container : List.of(asicE, asicECades)) {
            assertFinding(tamper(container, f -> f.add("them-vao.txt", "không ai ký tệp này")),
                    "CONTAINER_UNCOVERED_ENTRY", "them-vao.txt");
        }
    }

    @Test
    void anAsicSWithASecondDataObjectIsNamed() {
        assertFinding(tamper(asicS, f -> f.add("them-vao.txt", "không ai ký tệp này")),
                "CONTAINER_ASICS_EXTRA_DATA", "them-vao.txt");
    }

    @Test
    void duplicateNamesAreNamedAlsoWhenTheyDifferOnlyInCaseOrNormalisation() {
        assertFinding(tamper(asicE, f -> f.add("phu-luc.txt", "bản khác")), "CONTAINER_DUPLICATE_ENTRY", "phu-luc.txt");
        assertFinding(tamper(asicE, f -> f.add("PHU-LUC.txt", "bản khác")), "CONTAINER_DUPLICATE_ENTRY", "PHU-LUC.txt");
        String composed = "công-văn.txt";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertFinding(tamper(asicE, f -> f.add(composed, "một").add(decomposed, "hai")),
                "CONTAINER_DUPLICATE_ENTRY", "công");
    }

    @Test
    void pathsLeavingTheContainerAreNamed() {
        assertFinding(tamper(asicE, f -> f.add("../../etc/cron.d/x", "x")), "CONTAINER_UNSAFE_ENTRY_NAME", "../");
        assertFinding(tamper(asicE, f -> f.add("/tmp/x", "x")), "CONTAINER_UNSAFE_ENTRY_NAME", "/tmp/x");
    }

    @Test
    void aLocalHeaderThatDisagreesWithTheCentralDirectoryIsNamed() {
        assertFinding(tamper(asicE, f -> f.entry("phu-luc.txt").localName = "phu-luc.exe"),
                "CONTAINER_HEADER_MISMATCH", "name");
        assertFinding(tamper(asicE, f -> f.entry("phu-luc.txt").localCrc = 0x12345678L),
                "CONTAINER_HEADER_MISMATCH", "CRC");
        assertFinding(tamper(asicE, f -> f.entry("phu-luc.txt").localSize = 5L),
                "CONTAINER_HEADER_MISMATCH", "sizes");
        assertFinding(tamper(asicE, f -> f.entry("phu-luc.txt").localMethod = ZipEntry.STORED),
                "CONTAINER_HEADER_MISMATCH", "method");
    }

    @Test
    void zip64FieldsAreReadAndCompared() {
        // consistent ZIP64 fields on both sides are no finding of ours ...
        byte[] wide = tamper(asicE, f -> {
            f.entry("phu-luc.txt").zip64Local = true;
            f.entry("phu-luc.txt").zip64Central = true;
        });
        assertThat(codes(ValidationFixture.validate(new SignedFile("x.asice", wide)).report()))
                .doesNotContain("CONTAINER_HEADER_MISMATCH");
        // ... a ZIP64 local size that disagrees with the directory is
        assertFinding(tamper(asicE, f -> {
            f.entry("phu-luc.txt").zip64Local = true;
            f.entry("phu-luc.txt").zip64Central = true;
            f.entry("phu-luc.txt").localSize = 3L;
        }), "CONTAINER_HEADER_MISMATCH", "sizes");
    }

    @Test
    void bytesOutsideEveryEntryAreNamed() {
        assertFinding(tamper(asicE, f -> f.suffix = "<script>trailing</script>".getBytes(StandardCharsets.US_ASCII)),
                "CONTAINER_EXTRA_DATA", "after the end");
        assertFinding(tamper(asicE, f -> f.gapAfterFirst = new byte[64]), "CONTAINER_EXTRA_DATA", "64 bytes");
    }

    @Test
    void anEntryOnlyReadersOfLocalHeadersSeeIsNamed() {
        // a whole local entry before the first listed one: DSS reads it, unzip does not
        byte[] hidden = tamper(asicE, f -> f.prefix = ZipForge.orphanLocalEntry("an.txt", "nội dung ẩn"));
        assertFinding(hidden, "CONTAINER_EXTRA_DATA", "before the first entry");
        assertFinding(hidden, "CONTAINER_HEADER_MISMATCH", "an.txt");
    }

    @Test
    void entriesSharingDataAreNamed() {
        assertFinding(tamper(asicE, f -> {
            f.add("ban-sao.txt", "x");
            f.entries.get(f.entries.size() - 1).sharesLocalOf = f.entries.indexOf(f.entry("phu-luc.txt"));
        }), "CONTAINER_OVERLAPPING_ENTRIES", "ban-sao.txt");
    }

    @Test
    void aMimetypeThatIsOnlyMisplacedIsANoteThatLeavesTheVerdict() {
        // EU DSS's own genuine test containers put it last; it hides nothing, so it is said, not held against
        ValidationReport report = ValidationFixture.validate(new SignedFile("x.asice", tamper(asicE, f -> {
            ZipForge.Entry m = f.entry("mimetype");
            f.entries.remove(m);
            f.entries.add(m);
        }))).report();
        assertThat(report.verdict()).as(report.findings().toString()).isEqualTo(Verdict.VALID);
        assertThat(codes(report)).containsExactly("CONTAINER_MIMETYPE_NOT_FIRST");
        assertThat(report.findings().get(0).en()).contains("not the container's first entry");
        assertThat(report.findings().get(0).vi()).contains("không nằm đầu gói");
    }

    @Test
    void aMimetypeCompressedOrWrongIsNamed() {
        assertFinding(tamper(asicE, f -> f.entry("mimetype").method = ZipEntry.DEFLATED), "CONTAINER_MIMETYPE",
                "compressed");
        assertFinding(tamper(asicE, f -> f.entry("mimetype").data = "application/zip"
                .getBytes(StandardCharsets.US_ASCII)), "CONTAINER_MIMETYPE", "content");
        // an ASiC-E relabelled ASiC-S is read as ASiC-S, which holds one data file only
        assertFinding(tamper(asicE, f -> f.entry("mimetype").data = "application/vnd.etsi.asic-s+zip"
                .getBytes(StandardCharsets.US_ASCII)), "CONTAINER_ASICS_EXTRA_DATA", "phu-luc.txt");
    }

    private static byte[] tamper(byte[] container, Consumer<ZipForge> change) {
        ZipForge forge = ZipForge.of(container);
        change.accept(forge);
        return forge.bytes();
    }

    private static void assertClean(byte[] container) {
        ValidationReport report = ValidationFixture.validate(new SignedFile("x.asice", container)).report();
        assertThat(report.findings()).isEmpty();
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    }

    /** Not VALID, and a finding with this code whose text names {@code detail}; null: just not VALID. */
    private static void assertFinding(byte[] container, String code, String detail) {
        ValidationReport report = ValidationFixture.service().validate(ValidationRequest.of(
                new SignedFile("x.asice", container))).report();
        assertThat(report.verdict()).as(code + " " + report.findings()).isNotEqualTo(Verdict.VALID);
        if (code == null) {
            return;
        }
        assertThat(report.findings()).as(report.findings().toString()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.en()).contains(detail);
            assertThat(f.vi()).isNotBlank().isNotEqualTo(f.en());
        });
    }

    private static List<String> codes(ValidationReport report) {
        return report.findings().stream().map(Explanation::code).toList();
    }
}
