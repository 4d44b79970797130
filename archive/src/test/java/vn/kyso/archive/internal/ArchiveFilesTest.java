package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.ConfidenceLevel;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.DocumentDescription;
import vn.kyso.archive.FileForm;
import vn.kyso.archive.FileRights;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.Secrecy;
import vn.kyso.archive.Urgency;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;

/**
 * The file (hồ sơ) as a record of its own: opened, filled, closed, and retention counted from the
 * year it closed (Circular 10/2022/TT-BNV) rather than from each document's date.
 */
class ArchiveFilesTest {

    static HikariDataSource db;
    static PostgresArchiveService archive;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("files");
        archive = ArchiveFixture.service(db, new InMemoryObjectStore());
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static ArchiveFile open(String notation, String retention) {
        return archive.openFile(new FileForm("G09", "000.00.31.H09", "2020", notation,
                "Hồ sơ cấp phép xây dựng năm 2020", retention, "conditional", "Trần Thị Bích", "vi",
                "Mở theo danh mục hồ sơ năm 2020").toRequest(), "luu-tru");
    }

    static RecordDetails ingest(ArchiveFile file, String number, LocalDate date, PreservationPeriod period) {
        return ingest(file.fileCode(), number, date, period, null);
    }

    static RecordDetails ingest(String fileCode, String number, LocalDate date, PreservationPeriod period,
            DocumentDescription description) {
        RecordMetadata m = new RecordMetadata("G09", fileCode, number, date, "Giấy phép", "UBND tỉnh Bình An",
                "Giấy phép " + number, null, "vi", 2, List.of(), AccessRegime.PUBLIC,
                ConfidenceLevel.ELECTRONIC_ORIGINAL, period, null, description);
        return archive.ingest(new IngestRequest(number.replace('/', '-') + ".pdf", Letters.unsigned("Giấy phép "
                + number), null, m, "van-thu"));
    }

    @Test
    void retentionCountsFromTheYearTheFileClosedNotFromTheDocumentsDate() {
        ArchiveFile file = open("01/GPXD", "10");
        assertThat(file.fileCode()).isEqualTo("000.00.31.H09.2020.01/GPXD");
        assertThat(file.isOpen()).isTrue();
        RecordDetails first = ingest(file, "11/GP-UBND", LocalDate.of(2020, 3, 10), PreservationPeriod.ofYears(10));
        RecordDetails second = ingest(file, "12/GP-UBND", LocalDate.of(2021, 8, 2), PreservationPeriod.ofYears(5));

        // While the file is open no period runs: the old rule would have said 2031-01-01 for the first.
        assertThat(first.retention().disposableFrom()).isNull();
        assertThat(archive.file("G09", file.fileCode())).satisfies(f -> {
            assertThat(f.docTotal()).isEqualTo(2);
            assertThat(f.pageTotal()).isEqualTo(4);
            assertThat(f.startDate()).isEqualTo(LocalDate.of(2020, 3, 10));
            assertThat(f.endDate()).isEqualTo(LocalDate.of(2021, 8, 2));
            assertThat(f.disposableFrom()).isNull();
        });

        ArchiveFile closed = archive.closeFile("G09", file.fileCode(), LocalDate.of(2024, 6, 30), "luu-tru");

        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.closedYear()).isEqualTo(2024);
        assertThat(closed.docTotal()).isEqualTo(2);
        assertThat(closed.disposableFrom()).isEqualTo(LocalDate.of(2035, 1, 1));
        // Ten years from the end of 2024; the second keeps the file's ten, longer than its own five.
        assertThat(archive.record(first.id()).retention().disposableFrom()).isEqualTo(LocalDate.of(2035, 1, 1));
        assertThat(archive.record(second.id()).retention().disposableFrom()).isEqualTo(LocalDate.of(2035, 1, 1));
        assertThat(archive.record(first.id()).history()).extracting(RecordDetails.HistoryEvent::kind)
                .contains("FILE_CLOSED");

        // In 2031 the old rule would have put the first on a disposal list; now neither is due.
        DisposalList early = archive.proposeDisposal(LocalDate.of(2031, 6, 1), "luu-tru");
        assertThat(early.items()).extracting(DisposalList.Item::recordId).doesNotContain(first.id(), second.id());
        DisposalList due = archive.proposeDisposal(LocalDate.of(2035, 1, 1), "luu-tru");
        assertThat(due.items()).extracting(DisposalList.Item::recordId).contains(first.id(), second.id());
    }

    @Test
    void aClosedFileTakesNoMoreDocumentsAndClosesOnce() {
        ArchiveFile file = open("02/GPXD", "5");
        ingest(file, "21/GP-UBND", LocalDate.of(2020, 5, 1), PreservationPeriod.ofYears(5));
        archive.closeFile("G09", file.fileCode(), null, "luu-tru");

        assertThatThrownBy(() -> ingest(file, "22/GP-UBND", LocalDate.of(2020, 6, 1), PreservationPeriod.ofYears(5)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_CLOSED));
        assertThatThrownBy(() -> archive.closeFile("G09", file.fileCode(), null, "luu-tru"))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_CLOSED));
        assertThatThrownBy(() -> open("02/GPXD", "5")).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_EXISTS));
        // Nor does a document leave it for another file.
        String inClosed = archive.search(new vn.kyso.archive.RecordQuery(null, "G09", file.fileCode(), null, null,
                null, null, null, 0, 10)).items().get(0).id();
        ArchiveFile other = open("06/GPXD", "5");
        assertThatThrownBy(() -> archive.fileRecord("G09", other.fileCode(), inClosed, "luu-tru"))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_CLOSED));
    }

    @Test
    void aPermanentFileKeepsItsDocumentsForGood() {
        ArchiveFile file = open("03/GPXD", "permanent");
        RecordDetails r = ingest(file, "31/GP-UBND", LocalDate.of(2020, 5, 1), PreservationPeriod.ofYears(10));

        ArchiveFile closed = archive.closeFile("G09", file.fileCode(), LocalDate.of(2022, 1, 31), "luu-tru");

        assertThat(closed.retention().isPermanent()).isTrue();
        assertThat(closed.disposableFrom()).isNull();
        assertThat(archive.record(r.id()).retention().disposableFrom()).isNull();
    }

    @Test
    void aRecordArchivedElsewhereIsFiledAndWaitsForTheFileToClose() {
        RecordDetails loose = ingest("G09.CHUA-LAP-HO-SO", "41/GP-UBND", LocalDate.of(2020, 2, 2),
                PreservationPeriod.ofYears(10), null);
        assertThat(loose.retention().disposableFrom()).isEqualTo(LocalDate.of(2031, 1, 1));
        ArchiveFile file = open("04/GPXD", "10");

        ArchiveFile filled = archive.fileRecord("G09", file.fileCode(), loose.id(), "luu-tru");

        assertThat(filled.docTotal()).isEqualTo(1);
        RecordDetails now = archive.record(loose.id());
        assertThat(now.metadata().fileCode()).isEqualTo(file.fileCode());
        assertThat(now.retention().disposableFrom()).isNull();
        assertThat(now.history()).extracting(RecordDetails.HistoryEvent::kind).contains("FILED");
    }

    @Test
    void closingBeforeTheFilesYearOrInTheFutureIsRefused() {
        ArchiveFile file = open("05/GPXD", "10");
        for (LocalDate bad : List.of(LocalDate.of(2019, 12, 31), LocalDate.now().plusYears(1))) {
            assertThatThrownBy(() -> archive.closeFile("G09", file.fileCode(), bad, "luu-tru"))
                    .isInstanceOfSatisfying(ArchiveException.class, e -> {
                        assertThat(e.error()).isEqualTo(ArchiveError.METADATA_INVALID);
                        assertThat(e.fieldErrors()).extracting(ArchiveException.FieldError::field)
                                .containsExactly("endedOn");
                    });
        }
        assertThat(archive.file("G09", file.fileCode()).rights()).isEqualTo(FileRights.CONDITIONAL);
        assertThatThrownBy(() -> archive.file("G09", "000.00.31.H09.2020.99/KHONG")).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_NOT_FOUND));
    }

    @Test
    void theAppendixViDescriptionIsKeptInTheCatalogue() {
        DocumentDescription d = new DocumentDescription("51", "GP-UBND", "Phó Chủ tịch", Urgency.URGENT,
                Secrecy.NONE, List.of(new DocumentDescription.Recipient("000.00.31.H10", "Sở Xây dựng")), 3,
                LocalDate.of(2020, 6, 1), "Kèm bản vẽ", null, null, null);
        RecordDetails r = ingest("G09.MO-TA", "51/GP-UBND", LocalDate.of(2020, 5, 1), PreservationPeriod.ofYears(10),
                d);

        assertThat(archive.record(r.id()).metadata().description()).isEqualTo(d);
    }
}
