package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import javax.xml.xpath.XPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.ConfidenceLevel;
import vn.kyso.archive.DocumentDescription;
import vn.kyso.archive.FileForm;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.Secrecy;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.Urgency;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.CsipChecker;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;

/**
 * A record and a file (hồ sơ) exported as E-ARK CSIP packages and checked by {@link CsipChecker}
 * against the METS, CSIP extension and PREMIS 3 schemas and the CSIP requirements.
 */
class EarkExportTest {

    static HikariDataSource db;
    static PostgresArchiveService archive;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("eark");
        archive = ArchiveFixture.service(db, new InMemoryObjectStore());
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static RecordDetails ingest(String fileCode, String number, byte[] content) {
        DocumentDescription d = new DocumentDescription(null, null, "Chủ tịch", Urgency.URGENT, Secrecy.NONE,
                List.of(new DocumentDescription.Recipient("000.00.31.H10", "Sở Xây dựng tỉnh Bình An")), 4,
                null, "Bản điện tử", null, null, null);
        RecordMetadata m = new RecordMetadata("G09", fileCode, number, LocalDate.of(2025, 4, 2), "Quyết định",
                "Ủy ban nhân dân tỉnh Bình An", "Về việc phê duyệt quy hoạch chi tiết", "Nguyễn Văn An", "vi", null,
                List.of("quy hoạch"), AccessRegime.PUBLIC, ConfidenceLevel.ELECTRONIC_ORIGINAL,
                PreservationPeriod.ofYears(20), null, d);
        return archive.ingest(new IngestRequest("Quyết định " + number.replace('/', '-') + ".pdf", content, null, m,
                "van-thu"));
    }

    @Test
    void aSignedRecordIsAValidCsipPackageWithItsEvidenceAndHistory() throws Exception {
        RecordDetails r = ingest("G09.2025.EARK", "15/QĐ-UBND", Letters.signed(SignatureLevel.B_T));
        assertThat(r.evidence().augmented()).isTrue();

        StoredFile zip = archive.exportRecordEark(r.id());

        assertThat(zip.mediaType()).isEqualTo("application/zip");
        CsipChecker.Unpacked p = CsipChecker.check(zip.content());
        assertThat(p.root()).isEqualTo("kyso-record-" + r.id());
        String rep = "representations/record-" + r.id() + "/data/";
        assertThat(p.files().keySet()).anyMatch(f -> f.startsWith(rep + "original-0-"))
                .anyMatch(f -> f.startsWith(rep + "augmented-1-"))
                .anyMatch(f -> f.startsWith("documentation/") && f.endsWith("validation-report.json"))
                .anyMatch(f -> f.startsWith("documentation/") && f.endsWith("manifest.json"));
        byte[] original = p.files().entrySet().stream().filter(e -> e.getKey().startsWith(rep + "original-0-"))
                .findFirst().orElseThrow().getValue();
        assertThat(original).isEqualTo(archive.content(r.id()).content());

        XPath x = CsipChecker.xpath();
        Document premis = CsipChecker.valid(CsipChecker.PREMIS_SCHEMA, p.files().get("metadata/preservation/premis.xml"));
        assertThat(x.evaluate("//premis:object[premis:originalName='Quyết định 15-QĐ-UBND.pdf']"
                + "//premis:messageDigest", premis)).isEqualTo(r.original().sha256());
        assertThat(x.evaluate("count(//premis:event[premis:eventType='INGEST'])", premis)).isEqualTo("1");
        assertThat(x.evaluate("//premis:agent[premis:agentName='van-thu']/premis:agentType", premis))
                .isEqualTo("person");

        Document description = CsipChecker.parse(p.files().get("metadata/descriptive/nd30-appendix-vi.xml"));
        assertThat(x.evaluate("//pl6:Document/pl6:CodeNumber", description)).isEqualTo("15");
        assertThat(x.evaluate("//pl6:Document/pl6:CodeNotation", description)).isEqualTo("QĐ-UBND");
        assertThat(x.evaluate("//pl6:Document/pl6:OrganName", description)).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(x.evaluate("//pl6:Document/pl6:SignerInfo/pl6:Position", description)).isEqualTo("Chủ tịch");
        assertThat(x.evaluate("//pl6:Document/pl6:Language", description)).isEqualTo("Tiếng Việt");
        assertThat(x.evaluate("//pl6:Document/pl6:Priority/@urgency", description)).isEqualTo("Khẩn");
        assertThat(x.evaluate("//pl6:Document/pl6:To/pl6:OrganName", description)).isEqualTo("Sở Xây dựng tỉnh Bình An");

        // The checker is not satisfied by anything: a changed content file, a METS without its profile.
        assertThatThrownBy(() -> CsipChecker.check(rewrite(zip.content(), rep + "original-0-", b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 1;
            return c;
        }))).isInstanceOf(AssertionError.class).hasMessageContaining("CHECKSUM");
        assertThatThrownBy(() -> CsipChecker.check(rewrite(zip.content(), "METS.xml", b -> new String(b,
                java.nio.charset.StandardCharsets.UTF_8).replaceFirst("PROFILE=\"[^\"]*\"", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CSIP6");
    }

    /** The package with the entries whose path (below the root folder) starts with {@code prefix} changed. */
    static byte[] rewrite(byte[] zip, String prefix, java.util.function.UnaryOperator<byte[]> change)
            throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                String path = e.getName().substring(e.getName().indexOf('/') + 1);
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                z.write(path.startsWith(prefix) ? change.apply(b) : b);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFileWithASlashInItsCodeIsOnePackageWithEveryDocumentAndTheFileDescription() throws Exception {
        ArchiveFile file = archive.openFile(new FileForm("G09", "000.00.31.H09", "2025", "07/QH", "Hồ sơ quy hoạch "
                + "chi tiết khu dân cư Đông Sơn", "20", "public", "Trần Thị Bích", "vi", null).toRequest(), "luu-tru");
        RecordDetails a = ingest(file.fileCode(), "16/QĐ-UBND", Letters.unsigned("Quyết định 16"));
        RecordDetails b = ingest(file.fileCode(), "17/QĐ-UBND", Letters.unsigned("Quyết định 17"));
        archive.closeFile("G09", file.fileCode(), LocalDate.of(2025, 12, 31), "luu-tru");

        CsipChecker.Unpacked p = CsipChecker.check(archive.exportFileEark("G09", file.fileCode()).content());

        assertThat(p.root()).isEqualTo("kyso-file-G09-000.00.31.H09.2025.07_QH");
        assertThat(p.files().keySet()).contains("representations/record-" + a.id() + "/METS.xml",
                "representations/record-" + b.id() + "/METS.xml");
        XPath x = CsipChecker.xpath();
        Document description = CsipChecker.parse(p.files().get("metadata/descriptive/nd30-appendix-vi.xml"));
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:File/pl6:FileCode", description))
                .isEqualTo("000.00.31.H09.2025.07/QH");
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:File/pl6:FileCode/@FileNotation", description)).isEqualTo("07/QH");
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:File/pl6:DocTotal", description)).isEqualTo("2");
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:File/pl6:Maintenance", description)).isEqualTo("20 năm");
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:File/pl6:Rights", description)).isEqualTo("Công khai");
        assertThat(x.evaluate("count(/pl6:AppendixVI/pl6:Document)", description)).isEqualTo("2");
        assertThat(x.evaluate("/pl6:AppendixVI/pl6:Document[2]/pl6:DocOrdinal", description)).isEqualTo("2");
    }

    @Test
    void anEmptyOrUnknownFileHasNoPackage() {
        assertThatThrownBy(() -> archive.exportFileEark("G09", "KHONG-CO")).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_NOT_FOUND));
    }
}
