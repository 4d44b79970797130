package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.JobState;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.testing.Eventually;
import vn.kyso.signing.SignatureLevel;

/**
 * Exports built in the background (issue #14): the job is on record before its work starts, another
 * instance on the same catalogue and store follows it and hands out the package, only the requesting
 * organisation sees it, and a package that cannot be built ends FAILED with the cause's own code.
 */
class ExportJobsTest {

    static final String UBND = "000.00.00.H99";

    static HikariDataSource db;
    static InMemoryObjectStore store;
    static PostgresArchiveService archive;
    static PostgresArchiveService otherInstance;
    static RecordDetails good;
    static RecordDetails damaged;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("export_jobs");
        store = new InMemoryObjectStore();
        archive = ArchiveFixture.service(db, store);
        otherInstance = ArchiveFixture.service(db, store);
        good = ingest("501/UBND-VP");
        damaged = ingest("502/UBND-VP");
        store.corrupt(ObjectNames.key(UUID.fromString(damaged.id()), ObjectRole.ORIGINAL, 0, "x.pdf"));
    }

    private static RecordDetails ingest(String number) {
        return archive.ingest(new IngestRequest(number + ".pdf", Letters.signed(SignatureLevel.B_T), null,
                Letters.metadata(number, "Xuất gói " + number, LocalDate.of(2026, 4, 1),
                        PreservationPeriod.permanent(), null), "luu-tru"));
    }

    @AfterAll
    static void stop() {
        otherInstance.close();
        archive.close();
        db.close();
    }

    @Test
    void anExportIsOnRecordAtOnceAndAnotherInstanceHandsOutItsPackage() throws Exception {
        ExportJob started = archive.startExport(ExportRequest.record(ExportFormat.BAGIT, good.id(), "luu-tru", UBND));

        assertThat(started.state()).isEqualTo(JobState.RUNNING);
        assertThat(started.total()).isEqualTo(1);
        assertThat(started.subject()).isEqualTo("record " + good.id());
        ExportJob ended = Eventually.until(Duration.ofSeconds(60),
                () -> otherInstance.exportJob(started.id(), UBND).orElseThrow(), j -> j.state() != JobState.RUNNING);
        assertThat(ended.state()).isEqualTo(JobState.DONE);
        assertThat(ended.done()).isEqualTo(1);
        assertThat(ended.errorCode()).isNull();
        assertThat(ended.resultName()).isEqualTo("record-" + good.id() + ".zip");

        StoredFile pkg = otherInstance.exportResult(started.id(), UBND);

        assertThat(pkg.content().length).isEqualTo(ended.resultBytes());
        Map<String, byte[]> bag = BagChecker.check(pkg.content());
        assertThat(bag).containsKey("record-" + good.id() + "/data/metadata.json");
        // The same package as the synchronous export, apart from the bagging date both take from today.
        assertThat(BagChecker.check(archive.exportRecord(good.id()).content()).keySet()).isEqualTo(bag.keySet());
    }

    @Test
    void anotherOrganisationSeesNeitherTheJobNorItsPackage() throws Exception {
        ExportJob started = archive.startExport(ExportRequest.record(ExportFormat.EARK, good.id(), "luu-tru", UBND));
        Eventually.until(Duration.ofSeconds(60), () -> archive.exportJob(started.id(), UBND).orElseThrow(),
                j -> j.state() == JobState.DONE);

        assertThat(archive.exportJob(started.id(), "000.00.00.H98")).isEmpty();
        assertThatThrownBy(() -> archive.exportResult(started.id(), "000.00.00.H98"))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.EXPORT_NOT_READY));
        // A caller acting for no organisation does not see an organisation's job either.
        assertThat(archive.exportJob(started.id(), null)).isEmpty();
        assertThat(archive.exportResult(started.id(), UBND).name()).endsWith(".zip");
    }

    @Test
    void aPackageThatCannotBeBuiltEndsFailedWithTheCausesCode() throws Exception {
        ExportJob started = archive.startExport(ExportRequest.record(ExportFormat.BAGIT, damaged.id(), "luu-tru",
                UBND));

        ExportJob ended = Eventually.until(Duration.ofSeconds(60),
                () -> otherInstance.exportJob(started.id(), UBND).orElseThrow(), j -> j.state() != JobState.RUNNING);

        assertThat(ended.state()).isEqualTo(JobState.FAILED);
        assertThat(ended.errorCode()).isEqualTo("INTEGRITY_FAILURE");
        assertThat(ended.message()).contains("does not match its recorded digest");
        assertThatThrownBy(() -> otherInstance.exportResult(started.id(), UBND))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.EXPORT_NOT_READY));
    }

    @Test
    void nothingToExportIsRefusedBeforeAnyJobExists() {
        assertThatThrownBy(() -> archive.startExport(ExportRequest.record(ExportFormat.BAGIT,
                UUID.randomUUID().toString(), "luu-tru", UBND)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.RECORD_NOT_FOUND));
        assertThatThrownBy(() -> archive.startExport(ExportRequest.file(ExportFormat.EARK, "01", "khong.co.ho-so",
                "luu-tru", UBND)))
                .isInstanceOfSatisfying(ArchiveException.class,
                        e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_NOT_FOUND));
    }
}
