package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;

/** The catalogue's {@code disposal_list} and {@code disposal_item} tables, kept for good. */
final class DisposalTable {

    private final CatalogueDb db;

    DisposalTable(CatalogueDb db) {
        this.db = db;
    }

    /** Draws up a list of the active records disposable by {@code asOf}, not held nor already listed. */
    long propose(LocalDate asOf, String actor, String organisation, Instant now) {
        return db.inTransaction(() -> {
            long id = db.jdbc.sql("insert into disposal_list (state, created_at, created_by, organisation) "
                    + "values ('PROPOSED', ?, ?, ?) returning id").params(ts(now), actor, organisation)
                    .query(Long.class).single();
            db.jdbc.sql("""
                    insert into disposal_item (list_id, record_id, number_symbol, subject, sha256, disposable_from)
                    select ?, r.id, r.number_symbol, r.subject, r.original_sha256, r.disposable_from from record r
                    where r.state = 'ACTIVE' and not r.legal_hold and r.disposable_from is not null
                      and r.disposable_from <= ?
                      and not exists (select 1 from disposal_item i join disposal_list l on l.id = i.list_id
                                      where i.record_id = r.id and l.state = 'PROPOSED')""")
                    .params(id, asOf).update();
            return id;
        });
    }

    Optional<DisposalList> find(long id) {
        return call(() -> db.jdbc.sql("select * from disposal_list where id = ?").param(id)
                .query((rs, n) -> disposal(rs)).optional());
    }

    List<DisposalList> all() {
        return call(() -> db.jdbc.sql("select * from disposal_list order by id desc").query((rs, n) -> disposal(rs))
                .list());
    }

    /** Whether this approval was the one: false when the list was no longer proposed. */
    boolean approve(long id, DisposalApproval approval, Instant now) {
        return call(() -> db.jdbc.sql("update disposal_list set state = 'DISPOSED', approved_at = ?, approved_by = ?, "
                + "decision_number = ?, decision_date = ? where id = ? and state = 'PROPOSED'")
                .params(ts(now), approval.approver(), approval.decisionNumber(), approval.decisionDate(), id)
                .update()) == 1;
    }

    private DisposalList disposal(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<DisposalList.Item> items = db.jdbc.sql("select * from disposal_item where list_id = ? order by record_id")
                .param(id).query((r, n) -> new DisposalList.Item(r.getObject("record_id", UUID.class).toString(),
                        r.getString("number_symbol"), r.getString("subject"), r.getString("sha256"),
                        r.getObject("disposable_from", LocalDate.class)))
                .list();
        return new DisposalList(id, DisposalList.State.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("approved_at")), rs.getString("approved_by"), items, rs.getString("organisation"),
                rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class));
    }
}
