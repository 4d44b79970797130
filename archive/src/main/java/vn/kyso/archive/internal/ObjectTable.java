package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.util.List;
import java.util.UUID;
import vn.kyso.archive.ObjectRole;

/** The catalogue's {@code record_object} table: which objects a record has and their digests. */
final class ObjectTable {

    private final CatalogueDb db;

    ObjectTable(CatalogueDb db) {
        this.db = db;
    }

    /** Inserts one row; inside the caller's transaction when there is one. */
    void insert(ObjectRow o) {
        db.jdbc.sql("""
                insert into record_object (record_id, role, generation, object_key, name, media_type, size, sha256,
                  sha512, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.recordId(), o.role().wireName(), o.generation(), o.key(), o.name(), o.mediaType(), o.size(),
                        o.sha256(), o.sha512(), ts(o.storedAt()))
                .update();
    }

    void insertAll(List<ObjectRow> objects) {
        db.inTransaction(() -> {
            objects.forEach(this::insert);
            return null;
        });
    }

    void deleteExcept(UUID id, List<ObjectRole> roles) {
        call(() -> db.jdbc.sql("delete from record_object where record_id = ? and role <> all(?)")
                .params(id, roles.stream().map(ObjectRole::wireName).toArray(String[]::new)).update());
    }

    /** Deletes every row of a record; inside the caller's transaction when there is one. */
    void deleteAll(UUID id) {
        db.jdbc.sql("delete from record_object where record_id = ?").param(id).update();
    }

    List<ObjectRow> of(UUID id) {
        return call(() -> db.jdbc.sql("select * from record_object where record_id = ? order by role, generation")
                .param(id).query((rs, n) -> new ObjectRow(rs.getObject("record_id", UUID.class),
                        ObjectRole.ofWireName(rs.getString("role")), rs.getInt("generation"),
                        rs.getString("object_key"), rs.getString("name"), rs.getString("media_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getString("sha512"),
                        instant(rs.getTimestamp("stored_at"))))
                .list());
    }

    /** Whether the catalogue names this object key, for finding orphans in the store. */
    boolean knowsKey(String key) {
        return call(() -> db.jdbc.sql("select count(*) from record_object where object_key = ?").param(key)
                .query(Integer.class).single() > 0);
    }
}
