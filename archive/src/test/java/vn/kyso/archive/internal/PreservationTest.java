package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.IssuedCopyCheck;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/** Fixity, re-validation, time-stamp renewal, resumable jobs, disposal, BagIt export and QR lookups. */
class PreservationTest {

    static HikariDataSource db;
    static InMemoryObjectStore store;
    static PostgresArchiveService archive;
    static JdbcClient sql;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("preservation");
        store = new InMemoryObjectStore();
        archive = ArchiveFixture.service(db, store);
        sql = JdbcClient.create(db);
    }

    @AfterAll
    static void stop() {
        archive.close();
        db.close();
    }

    static RecordDetails ingest(String number, SignatureLevel level, LocalDate date, PreservationPeriod period,
            String documentId) {
        return archive.ingest(new IngestRequest(number.replace('/', '-') + ".pdf", Letters.signed(level), null,
                Letters.metadata(number, "Hồ sơ " + number, date, period, documentId), "luu-tru"));
    }

    @Test
    void fixityFindsACorruptedObjectAndLogsItInTheHistory() {
        RecordDetails good = ingest("301/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2026, 1, 5),
                PreservationPeriod.permanent(), null);
        RecordDetails bad = ingest("302/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2026, 1, 6),
                PreservationPeriod.permanent(), null);
        store.corrupt(ObjectNames.key(java.util.UUID.fromString(bad.id()), vn.kyso.archive.ObjectRole.ORIGINAL, 0, "x.pdf"));

        JobReport run = archive.runJob(JobKind.FIXITY);

        assertThat(run.state()).isEqualTo(vn.kyso.archive.JobState.DONE);
        assertThat(run.failed()).isGreaterThanOrEqualTo(1);
        assertThat(run.processed()).isEqualTo(run.total());
        assertThat(last(archive.record(good.id()))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo("FIXITY");
            assertThat(e.outcome()).isEqualTo("OK");
        });
        assertThat(last(archive.record(bad.id()))).satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("FAILED");
            assertThat(e.detail()).contains("original-0");
        });
        assertThatThrownBy(() -> archive.content(bad.id())).isInstanceOfSatisfying(ArchiveException.class,
                e -> assertThat(e.error()).isEqualTo(ArchiveError.INTEGRITY_FAILURE));
    }

    @Test
    void fixitySetsRetentionThatAnIngestCouldNotSet() {
        RecordDetails r = ingest("303/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2026, 1, 7),
                PreservationPeriod.ofYears(10), null);
        String key = ObjectNames.key(java.util.UUID.fromString(r.id()), vn.kyso.archive.ObjectRole.ORIGINAL, 0, "x.pdf");
        Instant retained = store.stat(key).orElseThrow().retainUntil();
        assertThat(retained).isEqualTo(LocalDate.of(2037, 1, 1).atStartOfDay(java.time.ZoneOffset.ofHours(7))
                .toInstant());
        store.dropRetention(key);

        archive.runJob(JobKind.FIXITY);

        assertThat(store.stat(key).orElseThrow().retainUntil()).isEqualTo(retained);
        assertThat(last(archive.record(r.id())).detail()).contains("retention set on 1 object");
    }

    @Test
    void anInterruptedJobResumesAfterTheLastRecordItFinished() {
        for (int i = 0; i < 3; i++) {
            ingest("31" + i + "/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2026, 2, 1 + i),
                    PreservationPeriod.permanent(), null);
        }
        List<String> ids = sql.sql("select id::text from record where state = 'ACTIVE' order by id")
                .query(String.class).list();
        // A run that crashed after two records: RUNNING, with a heartbeat long ago.
        sql.sql("insert into job_run (kind, state, total, processed, failed, last_record, started_at, heartbeat_at) "
                + "values ('REVALIDATION', 'RUNNING', ?, 2, 0, ?::uuid, ?, ?)")
                .params(ids.size(), ids.get(1), java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
                        java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS))).update();

        JobReport resumed = archive.runJob(JobKind.REVALIDATION);

        assertThat(resumed.state()).isEqualTo(vn.kyso.archive.JobState.DONE);
        assertThat(resumed.processed()).isEqualTo(ids.size());
        assertThat(archive.jobs()).extracting(JobReport::state).contains(vn.kyso.archive.JobState.INTERRUPTED);
        // Only the records after the crash point were validated again.
        for (int i = 0; i < ids.size(); i++) {
            boolean revalidated = archive.record(ids.get(i)).history().stream()
                    .anyMatch(e -> e.kind().equals("REVALIDATION"));
            assertThat(revalidated).as("record %d", i).isEqualTo(i >= 2);
        }
    }

    @Test
    void aSecondRunOfARunningJobIsRefused() {
        sql.sql("insert into job_run (kind, state, started_at, heartbeat_at) values ('FIXITY', 'RUNNING', now(), now())")
                .update();
        try {
            assertThatThrownBy(() -> archive.runJob(JobKind.FIXITY)).isInstanceOfSatisfying(ArchiveException.class,
                    e -> assertThat(e.error()).isEqualTo(ArchiveError.JOB_ALREADY_RUNNING));
        } finally {
            sql.sql("update job_run set state = 'DONE' where kind = 'FIXITY' and state = 'RUNNING'").update();
        }
    }

    @Test
    void renewalAddsAFreshArchiveTimestampBeforeTheEvidenceLapses() {
        RecordDetails r = ingest("320/UBND-VP", SignatureLevel.B_B, LocalDate.of(2026, 3, 1),
                PreservationPeriod.permanent(), null);
        assertThat(r.evidence().renewBy()).isAfter(Instant.now());
        // Pretend the newest time-stamp's certificate is close to its end.
        sql.sql("update record set renew_by = now() - interval '1 day' where id = ?::uuid").param(r.id()).update();

        JobReport run = archive.runJob(JobKind.TIMESTAMP_RENEWAL);

        assertThat(run.state()).isEqualTo(vn.kyso.archive.JobState.DONE);
        assertThat(run.failed()).isZero();
        RecordDetails renewed = archive.record(r.id());
        assertThat(renewed.objects()).filteredOn(o -> o.role() == vn.kyso.archive.ObjectRole.AUGMENTED)
                .extracting(RecordDetails.StoredObject::generation).containsExactly(1, 2);
        assertThat(renewed.evidence().renewBy()).isAfter(Instant.now());
        // The TSA gives whole seconds, so the renewal may share its second with the ingest.
        assertThat(renewed.evidence().lastTimestamp()).isAfterOrEqualTo(r.evidence().lastTimestamp());
        assertThat(last(renewed).kind()).isEqualTo("TIMESTAMP_RENEWAL");
        byte[] generation2 = Zips.entry(archive.evidence(r.id()).content(), n -> n.startsWith("augmented-2-"));
        byte[] generation1 = Zips.entry(archive.evidence(r.id()).content(), n -> n.startsWith("augmented-1-"));
        assertThat(Arrays.copyOf(generation2, generation1.length)).isEqualTo(generation1);
        var report = ValidationFixture.validate(generation2).report();
        assertThat(report.verdict().name()).isEqualTo("VALID");
        assertThat(report.signatures().get(0).timestamps().stream()
                .filter(t -> t.type().equals("ARCHIVE_TIMESTAMP") || t.type().equals("DOCUMENT_TIMESTAMP")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void disposalNeedsAnEndedPeriodAnApprovalAndNoLegalHold() {
        RecordDetails old = ingest("330/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2015, 6, 1),
                PreservationPeriod.ofYears(5), null);
        RecordDetails held = ingest("331/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2015, 6, 2),
                PreservationPeriod.ofYears(5), null);
        RecordDetails young = ingest("332/UBND-VP", SignatureLevel.B_LTA, LocalDate.of(2024, 6, 2),
                PreservationPeriod.ofYears(10), null);
        archive.setLegalHold(held.id(), true, "Thanh tra đang xem xét", "luu-tru");
        assertThat(archive.record(held.id()).retention().legalHold()).isTrue();
        assertThatThrownBy(() -> store.delete(ObjectNames.key(java.util.UUID.fromString(held.id()),
                vn.kyso.archive.ObjectRole.ORIGINAL, 0, "x.pdf"))).isInstanceOf(vn.kyso.archive.spi.ObjectStoreException.class);

        DisposalList proposed = archive.proposeDisposal(LocalDate.now(), "luu-tru");

        assertThat(proposed.state()).isEqualTo(vn.kyso.archive.DisposalList.State.PROPOSED);
        assertThat(proposed.items()).extracting(DisposalList.Item::recordId).contains(old.id())
                .doesNotContain(held.id(), young.id());
        // Nothing is disposed before approval.
        assertThat(archive.content(old.id()).content()).isNotEmpty();

        DisposalList done = archive.approveDisposal(proposed.id(), new DisposalApproval("truong-phong-luu-tru", null,
                "15/QĐ-UBND", LocalDate.of(2026, 12, 4)));

        assertThat(done.state()).isEqualTo(vn.kyso.archive.DisposalList.State.DISPOSED);
        assertThat(done.approvedBy()).isEqualTo("truong-phong-luu-tru");
        assertThat(done.decisionNumber()).isEqualTo("15/QĐ-UBND");
        assertThat(done.decisionDate()).isEqualTo(LocalDate.of(2026, 12, 4));
        RecordDetails tombstone = archive.record(old.id());
        assertThat(tombstone.state()).isEqualTo(vn.kyso.archive.RecordState.DISPOSED);
        assertThat(tombstone.original().sha256()).isEqualTo(old.original().sha256());
        assertThat(last(tombstone).kind()).isEqualTo("DISPOSAL");
        assertThat(store.list("records/" + old.id())).isEmpty();
        assertThatThrownBy(() -> archive.content(old.id())).isInstanceOf(ArchiveException.class);
        assertThat(archive.content(held.id()).content()).isNotEmpty();
        assertThat(archive.disposalLists()).extracting(DisposalList::id).contains(proposed.id());
        assertThatThrownBy(() -> archive.approveDisposal(proposed.id(), new DisposalApproval("x", null, "16/QĐ-UBND",
                LocalDate.of(2026, 12, 5)))).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.error()).isEqualTo(ArchiveError.DISPOSAL_NOT_APPROVED));
    }

    @Test
    void exportsARecordAndAFileAsBagsAnotherArchiveCanCheck() {
        RecordDetails a = ingest("340/UBND-VP", SignatureLevel.B_B, LocalDate.of(2026, 4, 1),
                PreservationPeriod.ofYears(20), null);
        byte[] bag = archive.exportRecord(a.id()).content();

        Map<String, byte[]> files = BagChecker.check(bag);
        assertThat(files.keySet()).anyMatch(p -> p.endsWith("data/original/340-UBND-VP.pdf"))
                .anyMatch(p -> p.contains("data/evidence/augmented-1-")).anyMatch(p -> p.endsWith("data/metadata.json"));
        assertThat(files.entrySet().stream().filter(e -> e.getKey().endsWith("data/original/340-UBND-VP.pdf"))
                .findFirst().orElseThrow().getValue()).isEqualTo(archive.content(a.id()).content());

        byte[] fileBag = archive.exportFile("G09", "G09.2026.01").content();
        Map<String, byte[]> all = BagChecker.check(fileBag);
        assertThat(all.keySet()).anyMatch(p -> p.contains("/data/" + a.id() + "/original/"));

        // Tampering with any payload file is caught by the independent check.
        assertThatThrownBy(() -> BagChecker.check(BagChecker.tamper(bag, "data/original/")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("digest");
        assertThatThrownBy(() -> archive.exportFile("G09", "NO-SUCH-FILE")).isInstanceOfSatisfying(
                ArchiveException.class, e -> assertThat(e.error()).isEqualTo(ArchiveError.FILE_NOT_FOUND));
    }

    @Test
    void aCitizensCopyIsComparedWithTheArchivedOriginal() {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        archive.ingest(new IngestRequest("kq.pdf", letter, null, Letters.metadata("350/UBND-VP", "Kết quả thủ tục",
                LocalDate.of(2026, 5, 1), PreservationPeriod.ofYears(10), "HS-2026-000350"), "mot-cua"));

        assertThat(archive.checkIssuedCopy("HS-2026-000350", letter).match()).isEqualTo(IssuedCopyCheck.Match.IDENTICAL);
        assertThat(archive.checkIssuedCopy("HS-2026-000350", letter).record().numberSymbol()).isEqualTo("350/UBND-VP");
        byte[] extended = Arrays.copyOf(letter, letter.length + 20);
        System.arraycopy("\n% later update\n".getBytes(StandardCharsets.US_ASCII), 0, extended, letter.length, 16);
        // Unsigned bytes after the original are not a later signed revision of it (issue #10, item 10).
        assertThat(archive.checkIssuedCopy("HS-2026-000350", extended).match())
                .isEqualTo(IssuedCopyCheck.Match.DIFFERENT);
        assertThat(archive.checkIssuedCopy("HS-2026-000350", Letters.signed(SignatureLevel.B_LTA)).match())
                .isEqualTo(IssuedCopyCheck.Match.DIFFERENT);
        assertThat(archive.checkIssuedCopy("HS-KHONG-CO", letter).match()).isEqualTo(IssuedCopyCheck.Match.NOT_ARCHIVED);
        assertThatThrownBy(() -> archive.checkIssuedCopy("../x", letter)).isInstanceOf(ArchiveException.class);
    }

    static RecordDetails.HistoryEvent last(RecordDetails r) {
        return r.history().get(r.history().size() - 1);
    }
}
