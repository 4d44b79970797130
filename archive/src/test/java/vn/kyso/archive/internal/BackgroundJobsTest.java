package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.testing.ArchiveFixture;
import vn.kyso.archive.testing.InMemoryObjectStore;
import vn.kyso.archive.testing.Letters;
import vn.kyso.core.testing.Eventually;
import vn.kyso.signing.SignatureLevel;

/**
 * Jobs started in the background (the API's 202 answers): the run is on record before its work starts,
 * and another instance on the same catalogue follows it by id.
 */
class BackgroundJobsTest {

    static HikariDataSource db;
    static InMemoryObjectStore store;
    static PostgresArchiveService archive;
    static PostgresArchiveService otherInstance;

    @BeforeAll
    static void start() {
        db = ArchiveFixture.newDatabase("background_jobs");
        store = new InMemoryObjectStore();
        archive = ArchiveFixture.service(db, store);
        otherInstance = ArchiveFixture.service(db, store);
        for (int i = 0; i < 2; i++) {
            archive.ingest(new IngestRequest("40" + i + ".pdf", Letters.signed(SignatureLevel.B_LTA), null,
                    Letters.metadata("40" + i + "/UBND-VP", "Hồ sơ nền " + i, LocalDate.of(2026, 3, 1 + i),
                            PreservationPeriod.permanent(), null), "luu-tru"));
        }
    }

    @AfterAll
    static void stop() {
        otherInstance.close();
        archive.close();
        db.close();
    }

    @Test
    void aStartedJobIsOnRecordAtOnceAndAnotherInstanceSeesItFinish() throws Exception {
        JobReport started = archive.startJob(JobKind.FIXITY);

        assertThat(started.kind()).isEqualTo(JobKind.FIXITY);
        assertThat(started.state()).isEqualTo(JobState.RUNNING);
        assertThat(started.total()).isEqualTo(2);
        JobReport seen = Eventually.until(Duration.ofSeconds(60),
                () -> otherInstance.job(started.id()).orElseThrow(), r -> r.state() != JobState.RUNNING);
        assertThat(seen.state()).isEqualTo(JobState.DONE);
        assertThat(seen.processed()).isEqualTo(2);
        assertThat(seen.failed()).isZero();
        assertThat(seen.finishedAt()).isNotNull();
        assertThat(seen.message()).contains("2 records checked, 0 failed");
    }

    @Test
    void aSecondRunOfTheSameKindIsRefusedBeforeAnyThreadStarts() {
        // A live run of another instance: RUNNING with a fresh heartbeat.
        long live = JdbcClient.create(db).sql("insert into job_run (kind, state, total, processed, failed, "
                + "started_at, heartbeat_at) values ('REVALIDATION', 'RUNNING', 2, 0, 0, ?, ?) returning id")
                .params(Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).query(Long.class).single();
        try {
            assertThatThrownBy(() -> otherInstance.startJob(JobKind.REVALIDATION))
                    .isInstanceOfSatisfying(ArchiveException.class,
                            e -> assertThat(e.error()).isEqualTo(ArchiveError.JOB_ALREADY_RUNNING));
            assertThat(archive.job(live)).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(JobState.RUNNING));
        } finally {
            JdbcClient.create(db).sql("update job_run set state = 'DONE' where id = ?").param(live).update();
        }
    }

    @Test
    void anUnknownRunIsEmpty() {
        assertThat(archive.job(Long.MAX_VALUE)).isEmpty();
    }
}
