package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The catalogue's {@code object_intent} table: keys being written whose catalogue row is not there yet.
 * A writer declares the key before it puts the object and resolves it once the object's row is
 * written; the recovery sweep leaves alone every key with an intent younger than the grace period.
 */
final class WriteIntents {

    private final CatalogueDb db;

    WriteIntents(CatalogueDb db) {
        this.db = db;
    }

    /** Declared (committed) before the put: a sweep that lists the key afterwards sees the intent. */
    void declare(String key, UUID recordId, String purpose, Instant now) {
        call(() -> db.jdbc.sql("insert into object_intent (object_key, record_id, purpose, created_at)"
                + " values (?, ?, ?, ?) on conflict (object_key) do update set created_at = excluded.created_at")
                .params(key, recordId, purpose, ts(now)).update());
    }

    /** The write finished (its row is in the catalogue) or was undone: the key needs no protection now. */
    void resolve(String key) {
        call(() -> db.jdbc.sql("delete from object_intent where object_key = ?").param(key).update());
    }

    /**
     * Of these keys, those neither named by the catalogue nor under an intent declared after
     * {@code cutoff}: orphans. One statement, so one snapshot: a writer resolves its intent only after
     * its catalogue row is committed, so the snapshot sees the intent or the row, never neither.
     */
    Set<String> unclaimedAmong(List<String> keys, Instant cutoff) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return call(() -> new HashSet<>(db.jdbc.sql("select k from unnest(?::text[]) as k where"
                + " not exists (select 1 from record_object o where o.object_key = k) and"
                + " not exists (select 1 from object_intent i where i.object_key = k and i.created_at > ?)")
                .params(keys.toArray(String[]::new), ts(cutoff)).query(String.class).list()));
    }

    /** At most {@code limit} intents older than {@code cutoff}: writers that finished without resolving or died. */
    List<String> olderThan(Instant cutoff, int limit) {
        return call(() -> db.jdbc.sql("select object_key from object_intent where created_at <= ?"
                + " order by created_at limit ?").params(ts(cutoff), limit).query(String.class).list());
    }
}
