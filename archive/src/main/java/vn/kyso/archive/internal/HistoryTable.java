package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.kyso.archive.RecordDetails;

/** The catalogue's {@code record_event} table: each record's history, appended to and never changed. */
final class HistoryTable {

    private final CatalogueDb db;

    HistoryTable(CatalogueDb db) {
        this.db = db;
    }

    List<RecordDetails.HistoryEvent> of(UUID id) {
        return call(() -> db.jdbc.sql("select * from record_event where record_id = ? order by id").param(id)
                .query((rs, n) -> new RecordDetails.HistoryEvent(instant(rs.getTimestamp("at")), rs.getString("kind"),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("actor")))
                .list());
    }

    /** Appends an event; inside the caller's transaction when there is one. */
    void add(UUID id, Instant at, String kind, String outcome, String detail, String actor) {
        call(() -> db.jdbc.sql("insert into record_event (record_id, at, kind, outcome, detail, actor) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, ts(at), kind, outcome, detail, actor).update());
    }
}
