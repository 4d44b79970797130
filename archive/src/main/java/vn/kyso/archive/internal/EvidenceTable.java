package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.kyso.archive.EvidenceHash;

/**
 * The catalogue's {@code record_evidence} table: each record's current RFC 4998 evidence record, so
 * renewal picks its work from the catalogue without reading the evidence objects it will not touch.
 */
final class EvidenceTable {

    private final CatalogueDb db;

    EvidenceTable(CatalogueDb db) {
        this.db = db;
    }

    /** A record's current evidence record as the catalogue knows it. */
    record Current(UUID recordId, int generation, EvidenceHash hash, int chains, String groupKey, Instant stampedAt,
            Instant tsaExpiresAt) {
    }

    /** Active records without an evidence record, in id order, after {@code after} (null: from the start). */
    List<UUID> withoutEvidence(UUID after, int limit) {
        return call(() -> db.jdbc.sql("select r.id from record r where r.state = 'ACTIVE'"
                + " and not exists (select 1 from record_evidence e where e.record_id = r.id)"
                + " and (cast(? as uuid) is null or r.id > ?) order by r.id limit ?")
                .params(after, after, limit).query(UUID.class).list());
    }

    /** Active records whose evidence is under another hash than {@code hash}: due for hash-tree renewal. */
    List<Current> underOtherHash(EvidenceHash hash, UUID after, int limit) {
        return call(() -> db.jdbc.sql("select e.* from record_evidence e join record r on r.id = e.record_id"
                + " where r.state = 'ACTIVE' and e.algorithm <> ? and (cast(? as uuid) is null or e.record_id > ?)"
                + " order by e.record_id limit ?")
                .params(hash.name(), after, after, limit).query((rs, n) -> current(rs)).list());
    }

    /**
     * Active records whose newest archive time-stamp is due: its TSA certificate ends before
     * {@code certificateCutoff} (now plus the margin), or it was made before {@code ageCutoff}. Ordered
     * by group, so that each group (one earlier tree) is renewed with one TSA call.
     */
    List<Current> due(Instant certificateCutoff, Instant ageCutoff, EvidenceHash hash) {
        return call(() -> db.jdbc.sql("select e.* from record_evidence e join record r on r.id = e.record_id"
                + " where r.state = 'ACTIVE' and e.algorithm = ? and (e.tsa_expires_at <= ? or e.stamped_at <= ?)"
                + " order by e.group_key, e.record_id")
                .params(hash.name(), ts(certificateCutoff), ts(ageCutoff)).query((rs, n) -> current(rs)).list());
    }

    /** Inserts or replaces a record's row; inside the caller's transaction when there is one. */
    void put(Current c) {
        db.jdbc.sql("""
                insert into record_evidence (record_id, generation, algorithm, chains, group_key, stamped_at,
                  tsa_expires_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (record_id) do update set
                  generation = excluded.generation, algorithm = excluded.algorithm, chains = excluded.chains,
                  group_key = excluded.group_key, stamped_at = excluded.stamped_at,
                  tsa_expires_at = excluded.tsa_expires_at""")
                .params(c.recordId(), c.generation(), c.hash().name(), c.chains(), c.groupKey(), ts(c.stampedAt()),
                        ts(c.tsaExpiresAt()))
                .update();
    }

    private static Current current(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Current(rs.getObject("record_id", UUID.class), rs.getInt("generation"),
                EvidenceHash.valueOf(rs.getString("algorithm")), rs.getInt("chains"), rs.getString("group_key"),
                instant(rs.getTimestamp("stamped_at")), instant(rs.getTimestamp("tsa_expires_at")));
    }
}
