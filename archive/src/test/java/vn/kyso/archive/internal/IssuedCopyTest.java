package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.IssuedCopyCheck.Match;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.IssuedDocument;
import vn.kyso.archive.IssuedOriginal;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;
import vn.kyso.validation.Verdict;

/**
 * The citizen's QR check (issue #10, item 10): only the archive's catalogue decides whether a file is the
 * issued document. A QR link's hash is the forger's to choose, so none of these checks looks at it.
 */
class IssuedCopyTest {

    static final String DOCUMENT_ID = "KQ-2026-000777";

    static HikariDataSource db;
    static PostgresArchiveService archive;
    static byte[] issued;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("issuedcopy");
        archive = ArchiveFixture.service(db, new InMemoryObjectStore());
        // As /letters issues a result: the QR code stamped first, then signed by the organisation's key.
        QrStamped stamped = ValidationFixture.signer().stampQrCode(new QrStampRequest(
                new Document("kq.pdf", Letters.unsigned("Kết quả giải quyết thủ tục")),
                "https://kyso.example.gov.vn/verify", DOCUMENT_ID, null));
        issued = sign(stamped.document().content(), "ubnd-binh-an", SignatureLevel.B_T);
        archive.ingest(new IngestRequest("kq.pdf", issued, null, Letters.metadata("777/UBND-VP", "Kết quả thủ tục",
                LocalDate.of(2026, 6, 1), PreservationPeriod.ofYears(10), DOCUMENT_ID), "mot-cua"));
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    @Test
    void theLookupGivesTheCataloguesDigestOfTheOriginal() throws Exception {
        IssuedOriginal original = archive.issuedOriginal(DOCUMENT_ID).orElseThrow();
        assertThat(original.sha256()).isEqualTo(sha256(issued));
        assertThat(original.size()).isEqualTo(issued.length);
        assertThat(original.record().numberSymbol()).isEqualTo("777/UBND-VP");
        assertThat(archive.issuedOriginal("KQ-KHONG-CO")).isEmpty();
        assertThatThrownBy(() -> archive.issuedOriginal("../etc")).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.error()).isEqualTo(ArchiveError.INVALID_QUERY));
    }

    @Test
    void theLookupByIdShowsAPublicRecordWhole() throws Exception {
        IssuedDocument doc = archive.issuedDocument(DOCUMENT_ID).orElseThrow();
        assertThat(doc.isPublic()).isTrue();
        assertThat(doc.sha256()).isEqualTo(sha256(issued));
        assertThat(doc.verdict()).isEqualTo(Verdict.VALID);
        assertThat(doc.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(doc.publicDetails().metadata().numberSymbol()).isEqualTo("777/UBND-VP");
        assertThat(doc.publicDetails().validation().signatures()).isNotEmpty();
        assertThat(archive.issuedDocument("KQ-KHONG-CO")).isEmpty();
    }

    @Test
    void theLookupByIdShowsOfARestrictedRecordThatItExistsAndIsGenuineButNoContent() throws Exception {
        String id = "KQ-2026-HAN-CHE";
        QrStamped stamped = ValidationFixture.signer().stampQrCode(new QrStampRequest(
                new Document("hc.pdf", Letters.unsigned("Quyết định xử lý kỷ luật")),
                "https://kyso.example.gov.vn/verify", id, null));
        byte[] signed = sign(stamped.document().content(), "ubnd-binh-an", SignatureLevel.B_T);
        RecordMetadata p = Letters.metadata("12/QĐ-UBND", "Quyết định xử lý kỷ luật", LocalDate.of(2026, 6, 2),
                PreservationPeriod.ofYears(10), id);
        RecordMetadata restricted = new RecordMetadata(p.fondCode(), p.fileCode(), p.numberSymbol(),
                p.documentDate(), p.documentType(), p.issuer(), p.subject(), p.signer(), p.language(),
                p.pageCount(), p.keywords(), AccessRegime.RESTRICTED, p.confidenceLevel(), p.preservation(), id);
        archive.ingest(new IngestRequest("hc.pdf", signed, null, restricted, "mot-cua"));

        IssuedDocument doc = archive.issuedDocument(id).orElseThrow();
        assertThat(doc.isPublic()).isFalse();
        assertThat(doc.publicDetails()).isNull();
        assertThat(doc.accessRegime()).isEqualTo(AccessRegime.RESTRICTED);
        assertThat(doc.verdict()).isEqualTo(Verdict.VALID);
        assertThat(doc.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(doc.sha256()).isEqualTo(sha256(signed));
        assertThat(doc.toString()).doesNotContain("kỷ luật").doesNotContain("12/QĐ-UBND");
    }

    @Test
    void theGenuineOriginalMatches() {
        var check = archive.checkIssuedCopy(DOCUMENT_ID, issued);
        assertThat(check.match()).isEqualTo(Match.IDENTICAL);
        assertThat(check.record().numberSymbol()).isEqualTo("777/UBND-VP");
    }

    @Test
    void aLaterSignedRevisionOfTheOriginalMatches() {
        byte[] countersigned = sign(issued, "tran-thi-bich-ngoc", SignatureLevel.B_T);
        assertThat(Arrays.equals(countersigned, 0, issued.length, issued, 0, issued.length)).isTrue();

        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, countersigned).match()).isEqualTo(Match.EXTENDS_ORIGINAL);
    }

    @Test
    void anotherDocumentSignedByATrustedKeyDoesNotMatchWhateverItsQrLinkSays() {
        // The forger stamps a QR code with the genuine id (and could print any hash in it) on his own
        // letter and has it signed by a key the validator trusts: still not the issued document.
        QrStamped forged = ValidationFixture.signer().stampQrCode(new QrStampRequest(
                new Document("kq.pdf", Letters.unsigned("Kết quả giả")), "https://kyso.example.gov.vn/verify",
                DOCUMENT_ID, null));
        byte[] signed = sign(forged.document().content(), "ubnd-binh-an", SignatureLevel.B_T);

        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, signed).match()).isEqualTo(Match.DIFFERENT);
    }

    @Test
    void anUnknownIdHasNoRecord() {
        assertThat(archive.checkIssuedCopy("KQ-2026-999999", issued).match()).isEqualTo(Match.NOT_ARCHIVED);
        assertThat(archive.checkIssuedCopy("KQ-2026-999999", issued).record()).isNull();
    }

    @Test
    void aTamperedCopyOfTheRecordDoesNotMatch() {
        byte[] flipped = issued.clone();
        flipped[issued.length / 2] ^= 0x01;
        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, flipped).match()).isEqualTo(Match.DIFFERENT);

        // The original's bytes followed by an unsigned incremental update (here only a comment; a changed
        // page is the same to this check): not a signed later revision, so not the issued document.
        byte[] appended = append(issued, "\n% later update\n");
        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, appended).match()).isEqualTo(Match.DIFFERENT);

        // A genuine countersignature followed by an unsigned update: the signature no longer reaches the end.
        byte[] countersigned = sign(issued, "tran-thi-bich-ngoc", SignatureLevel.B_T);
        byte[] afterwards = append(countersigned, "1 0 obj\n<< /Changed true >>\nendobj\n%%EOF\n");
        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, afterwards).match()).isEqualTo(Match.DIFFERENT);

        // A cut-off copy is not the original either.
        assertThat(archive.checkIssuedCopy(DOCUMENT_ID, Arrays.copyOf(issued, issued.length - 10)).match())
                .isEqualTo(Match.DIFFERENT);
    }

    private static byte[] sign(byte[] pdf, String key, SignatureLevel level) {
        return ValidationFixture.signer().sign(new SignRequest(new Document("kq.pdf", pdf), key,
                SignOptions.defaults(level).withAppearance(Appearance.NONE, null))).content();
    }

    private static byte[] append(byte[] content, String text) {
        byte[] tail = text.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(content, content.length + tail.length);
        System.arraycopy(tail, 0, out, content.length, tail.length);
        return out;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
