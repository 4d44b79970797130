package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;

/** The catalogue's {@code job_run} table: preservation job runs, their cursor and heartbeat. */
final class JobTable {

    private final CatalogueDb db;

    JobTable(CatalogueDb db) {
        this.db = db;
    }

    /** Starts a run of {@code kind}, resuming where a crashed run stopped; null if one is running. */
    JobReport start(JobKind kind, Instant now, Instant staleBefore, int total) {
        return db.inTransaction(() -> {
            db.jdbc.sql("update job_run set state = 'INTERRUPTED', finished_at = ?, message = 'no heartbeat: taken "
                    + "as crashed' where kind = ? and state = 'RUNNING' and heartbeat_at < ?")
                    .params(ts(now), kind.name(), ts(staleBefore)).update();
            if (db.jdbc.sql("select count(*) from job_run where kind = ? and state = 'RUNNING'").param(kind.name())
                    .query(Integer.class).single() > 0) {
                return null;
            }
            // Resume after an interrupted run that was never finished by a later one.
            Optional<JobRow> last = db.jdbc.sql("select * from job_run where kind = ? order by id desc limit 1")
                    .param(kind.name()).query(JobTable::jobRow).optional();
            UUID resumeAfter = null;
            int processed = 0;
            int failed = 0;
            if (last.isPresent() && last.get().report().state() == JobState.INTERRUPTED) {
                resumeAfter = last.get().lastRecord();
                processed = last.get().report().processed();
                failed = last.get().report().failed();
            }
            long id = db.jdbc.sql("insert into job_run (kind, state, total, processed, failed, last_record, "
                    + "started_at, heartbeat_at, message) values (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?) returning id")
                    .params(kind.name(), total, processed, failed, resumeAfter, ts(now), ts(now),
                            resumeAfter == null ? null : "resumed after record " + resumeAfter)
                    .query(Long.class).single();
            return get(id);
        });
    }

    private record JobRow(JobReport report, UUID lastRecord) {
    }

    UUID cursor(long id) {
        return call(() -> db.jdbc.sql("select last_record from job_run where id = ?").param(id).query(UUID.class)
                .optional().orElse(null));
    }

    void progress(long id, UUID lastRecord, boolean failedOne, Instant now) {
        call(() -> db.jdbc.sql("update job_run set last_record = ?, processed = processed + 1, "
                + "failed = failed + ?, heartbeat_at = ? where id = ?")
                .params(lastRecord, failedOne ? 1 : 0, ts(now), id).update());
    }

    JobReport finish(long id, JobState state, String message, Instant now) {
        return call(() -> {
            db.jdbc.sql("update job_run set state = ?, finished_at = ?, message = ? where id = ?")
                    .params(state.name(), ts(now), message, id).update();
            return get(id);
        });
    }

    JobReport get(long id) {
        return call(() -> db.jdbc.sql("select * from job_run where id = ?").param(id).query(JobTable::jobRow)
                .single().report());
    }

    Optional<JobReport> find(long id) {
        return call(() -> db.jdbc.sql("select * from job_run where id = ?").param(id).query(JobTable::jobRow)
                .optional().map(JobRow::report));
    }

    List<JobReport> recent(int limit) {
        return call(() -> db.jdbc.sql("select * from job_run order by id desc limit ?").param(limit)
                .query(JobTable::jobRow).list().stream().map(JobRow::report).toList());
    }

    private static JobRow jobRow(ResultSet rs, int n) throws SQLException {
        return new JobRow(new JobReport(rs.getLong("id"), JobKind.valueOf(rs.getString("kind")),
                JobState.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("processed"),
                rs.getInt("failed"), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getString("message")),
                rs.getObject("last_record", UUID.class));
    }
}
