package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.JobState;

/** The catalogue's {@code export_job} table: background exports, their progress, heartbeat and package. */
final class ExportJobTable {

    /** A row with what only the archive needs: whose job it is and where its package lies. */
    record Row(ExportJob job, String organisation, String resultKey, String resultType) {
    }

    private final CatalogueDb db;

    ExportJobTable(CatalogueDb db) {
        this.db = db;
    }

    long insert(ExportRequest r, int total, Instant now) {
        return call(() -> db.jdbc.sql("insert into export_job (format, record_id, fond_code, file_code, requested_by, "
                + "organisation, state, total, started_at, heartbeat_at) values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?) "
                + "returning id")
                .params(r.format().name(), r.recordId(), r.fondCode(), r.fileCode(), r.requestedBy(), r.organisation(),
                        total, ts(now), ts(now))
                .query(Long.class).single());
    }

    void progress(long id, Instant now) {
        call(() -> db.jdbc.sql("update export_job set done = done + 1, heartbeat_at = ? where id = ? and state = "
                + "'RUNNING'").params(ts(now), id).update());
    }

    void heartbeat(long id, Instant now) {
        call(() -> db.jdbc.sql("update export_job set heartbeat_at = ? where id = ? and state = 'RUNNING'")
                .params(ts(now), id).update());
    }

    void done(long id, String key, String name, String type, long bytes, Instant now) {
        call(() -> db.jdbc.sql("update export_job set state = 'DONE', done = total, finished_at = ?, result_key = ?, "
                + "result_name = ?, result_type = ?, result_bytes = ?, message = ? where id = ?")
                .params(ts(now), key, name, type, bytes, "package of " + bytes + " bytes ready", id).update());
    }

    void failed(long id, String code, String message, Instant now) {
        call(() -> db.jdbc.sql("update export_job set state = 'FAILED', finished_at = ?, error_code = ?, message = ? "
                + "where id = ? and state = 'RUNNING'").params(ts(now), code, message, id).update());
    }

    /** Runs whose instance stopped beating are INTERRUPTED: nobody will finish them. */
    void interruptStale(Instant now, Instant staleBefore) {
        call(() -> db.jdbc.sql("update export_job set state = 'INTERRUPTED', finished_at = ?, message = 'no heartbeat: "
                + "the instance building it stopped; ask for the export again' where state = 'RUNNING' and "
                + "heartbeat_at < ?").params(ts(now), ts(staleBefore)).update());
    }

    /** Packages finished before {@code before}, still in the store. */
    List<Row> expiring(Instant before) {
        return call(() -> db.jdbc.sql("select * from export_job where result_key is not null and finished_at < ? "
                + "order by id limit 100").param(ts(before)).query(ExportJobTable::row).list());
    }

    void expired(long id) {
        call(() -> db.jdbc.sql("update export_job set result_key = null, message = 'the package expired; ask for "
                + "the export again' where id = ?").param(id).update());
    }

    Optional<Row> find(long id) {
        return call(() -> db.jdbc.sql("select * from export_job where id = ?").param(id).query(ExportJobTable::row)
                .optional());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String record = rs.getString("record_id");
        String subject = record != null ? "record " + record
                : "file " + rs.getString("fond_code") + "/" + rs.getString("file_code");
        ExportJob job = new ExportJob(rs.getLong("id"), ExportFormat.valueOf(rs.getString("format")), subject,
                JobState.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("done"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getString("result_name"), rs.getLong("result_bytes"), rs.getString("error_code"),
                rs.getString("message"));
        return new Row(job, rs.getString("organisation"), rs.getString("result_key"), rs.getString("result_type"));
    }
}
