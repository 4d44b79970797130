package vn.kyso.archive.internal;

import static vn.kyso.archive.internal.CatalogueDb.call;
import static vn.kyso.archive.internal.CatalogueDb.instant;
import static vn.kyso.archive.internal.CatalogueDb.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ConfidenceLevel;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.validation.Verdict;

/**
 * The catalogue's {@code record} table: a record's row and its state changes. Changes that also
 * write the record's objects or history run in one transaction with {@link ObjectTable} and
 * {@link HistoryTable}. Every database failure leaves here as {@link ArchiveError#CATALOGUE_UNAVAILABLE}
 * (or a defect).
 */
final class Catalogue {

    /**
     * The columns a {@link CatalogueRow} is read from: never the full text and search vectors, which can
     * be far larger than everything else and are only needed inside the database.
     */
    static final String ROW = "id, state, fond_code, file_code, number_symbol, document_date, document_type, issuer, "
            + "subject, signer, language, page_count, keywords, access_regime, confidence_level, "
            + "preservation_years, disposable_from, legal_hold, document_id, original_name, media_type, "
            + "original_size, original_sha256, original_sha512, verdict, validated_at, level_at_ingest, "
            + "augmented, last_timestamp, renew_by, ingested_at, ingested_by, last_fixity_at, description::text";

    private final CatalogueDb db;
    private final ObjectTable objects;
    private final HistoryTable history;

    Catalogue(CatalogueDb db, ObjectTable objects, HistoryTable history) {
        this.db = db;
        this.objects = objects;
        this.history = history;
    }

    Optional<UUID> liveRecordWithSha256(String sha256) {
        return call(() -> db.jdbc.sql("select id from record where original_sha256 = ? "
                + "and state not in ('DISPOSED', 'FAILED')")
                .param(sha256).query(UUID.class).optional());
    }

    /**
     * Why bytes cannot go in again: 409 naming the live record that holds them, or 503 INGEST_PENDING
     * while that record is an ingest still PENDING, which may yet be rolled back (or already was, when
     * no row is found any more after a lost race).
     */
    ArchiveException refusalForHeld(String sha256) {
        return call(() -> db.jdbc.sql("select id, state from record where original_sha256 = ? "
                + "and state not in ('DISPOSED', 'FAILED')").param(sha256)
                .query((rs, n) -> RecordState.valueOf(rs.getString("state")) == RecordState.PENDING
                        ? ArchiveException.ingestPending()
                        : ArchiveException.duplicate(rs.getString("id")))
                .optional().orElseGet(ArchiveException::ingestPending));
    }

    /**
     * Step one of ingest: the row in its state (PENDING or ACCEPTED) and the planned objects in one
     * transaction.
     *
     * @throws ArchiveException DUPLICATE_RECORD if another ingest of the same bytes won the race
     */
    void insert(CatalogueRow r, List<ObjectRow> rows, String searchFolded, String searchExact) {
        // A PENDING row is the write intent of a synchronous ingest: visible to every other transaction at
        // once, made durable by the ingest's own ACTIVE commit. Lost in a crash before that, it leaves objects
        // without retention that no row names, which recovery's sweep removes; the client was never answered.
        // An ACCEPTED row is answered with 202 and must be durable by itself.
        Function<Supplier<Void>, Void> transaction = r.state() == RecordState.PENDING
                ? db::inTransactionFlushedLater : db::inTransaction;
        try {
            transaction.apply(() -> {
                RecordMetadata m = r.metadata();
                CatalogueRow.OriginalFacts o = r.original();
                CatalogueRow.Findings f = r.findings();
                db.jdbc.sql("""
                        insert into record (id, state, fond_code, file_code, number_symbol, document_date, document_type,
                          issuer, subject, signer, language, page_count, keywords, access_regime, confidence_level,
                          preservation_years, disposable_from, legal_hold, document_id, original_name, media_type,
                          original_size, original_sha256, original_sha512, verdict, validated_at, level_at_ingest,
                          augmented, last_timestamp, renew_by, ingested_at, ingested_by, extracted_text,
                          search_folded, search_exact, description)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?,
                          ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                        .params(r.id(), r.state().name(), m.fondCode(), m.fileCode(), m.numberSymbol(),
                                m.documentDate(), m.documentType(), m.issuer(), m.subject(), m.signer(), m.language(),
                                m.pageCount(), m.keywords().toArray(String[]::new), m.accessRegime().name(),
                                m.confidenceLevel().name(), m.preservation().years(), r.disposableFrom(),
                                m.documentId(), o.name(), o.mediaType(), o.size(), o.sha256(), o.sha512(),
                                name(f.verdict()), ts(f.validatedAt()), f.levelAtIngest(), f.augmented(),
                                ts(f.lastTimestamp()), ts(f.renewBy()), ts(r.ingestedAt()), r.ingestedBy(),
                                r.extractedText(), searchFolded, searchExact, DescriptionJson.write(m.description()))
                        .update();
                rows.forEach(objects::insert);
                return null;
            });
        } catch (ArchiveException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw refusalForHeld(r.original().sha256());
            }
            throw e;
        }
    }

    List<UUID> acceptedOlderThan(Instant before) {
        return idsInStateOlderThan(RecordState.ACCEPTED, before);
    }

    List<UUID> pendingOlderThan(Instant before) {
        return idsInStateOlderThan(RecordState.PENDING, before);
    }

    /** Records in {@code state}: the ingest backlog for ACCEPTED (metrics). */
    long countInState(RecordState state) {
        // The state as a literal (an enum name, never input): a bound one lets a generic plan pass over the
        // partial index of ACCEPTED records (V3_19) and count the whole catalogue.
        return call(() -> db.jdbc.sql("select count(*) from record where state = '" + state.name() + "'")
                .query(Long.class).single());
    }

    private List<UUID> idsInStateOlderThan(RecordState state, Instant before) {
        return call(() -> db.jdbc.sql("select id from record where state = '" + state.name()
                + "' and ingested_at < ? order by id").param(ts(before)).query(UUID.class).list());
    }

    /** The background half of an accepted ingest is done: the decided facts, then ACTIVE. */
    void completeAccepted(CatalogueRow r, String searchFolded, String searchExact, Instant at, String detail) {
        db.inTransaction(() -> {
            CatalogueRow.Findings f = r.findings();
            int n = db.jdbc.sql("update record set state = 'ACTIVE', signer = ?, page_count = ?, media_type = ?, "
                    + "verdict = ?, validated_at = ?, level_at_ingest = ?, augmented = ?, last_timestamp = ?, "
                    + "renew_by = ?, extracted_text = ?, search_folded = ?, search_exact = ? "
                    + "where id = ? and state = 'ACCEPTED'")
                    .params(r.metadata().signer(), r.metadata().pageCount(), r.original().mediaType(),
                            name(f.verdict()), ts(f.validatedAt()), f.levelAtIngest(), f.augmented(),
                            ts(f.lastTimestamp()), ts(f.renewBy()), r.extractedText(), searchFolded, searchExact,
                            r.id())
                    .update();
            if (n == 1) {
                history.add(r.id(), at, "INGEST", "OK", detail, r.ingestedBy());
            }
            return n;
        });
    }

    void markFailed(UUID id, Instant at, String reason) {
        db.inTransaction(() -> {
            objects.deleteAll(id);
            db.jdbc.sql("update record set state = 'FAILED' where id = ?").param(id).update();
            history.add(id, at, "INGEST", "FAILED", reason, "system");
            return null;
        });
    }

    /** The last step of ingest: every object is stored; the record becomes visible. */
    void activate(UUID id, Instant at, String actor, String detail) {
        db.inTransaction(() -> {
            int n = db.jdbc.sql("update record set state = 'ACTIVE' where id = ? and state = 'PENDING'").param(id)
                    .update();
            if (n == 1) {
                history.add(id, at, "INGEST", "OK", detail, actor);
            }
            return n;
        });
    }

    /** Rolls back an ingest that never completed: its rows go, as if it had not happened. */
    void deletePending(UUID id) {
        db.inTransaction(() -> {
            db.jdbc.sql("delete from record_event where record_id = ? and exists "
                    + "(select 1 from record where id = ? and state in ('PENDING', 'ACCEPTED'))").params(id, id)
                    .update();
            db.jdbc.sql("delete from record_object where record_id = ? and exists "
                    + "(select 1 from record where id = ? and state in ('PENDING', 'ACCEPTED'))").params(id, id)
                    .update();
            return db.jdbc.sql("delete from record where id = ? and state in ('PENDING', 'ACCEPTED')").param(id)
                    .update();
        });
    }

    boolean exists(UUID id) {
        return call(() -> db.jdbc.sql("select count(*) from record where id = ?").param(id).query(Integer.class)
                .single() > 0);
    }

    Optional<CatalogueRow> find(UUID id) {
        return call(() -> db.jdbc.sql("select " + ROW + " from record where id = ?").param(id)
                .query(Catalogue::row).optional());
    }

    /** Where a record's current original is, in one round trip: the hot path of retrieval. */
    record OriginalRef(RecordState state, String name, String mediaType, String key, String sha256) {
    }

    Optional<OriginalRef> original(UUID id) {
        return call(() -> db.jdbc.sql("select r.state, r.original_name, r.media_type, o.object_key, o.sha256 "
                + "from record r left join record_object o on o.record_id = r.id and o.role = 'original' "
                + "where r.id = ? order by o.generation desc limit 1").param(id)
                .query((rs, n) -> new OriginalRef(RecordState.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).optional());
    }

    Optional<CatalogueRow> findByDocumentId(String documentId) {
        return call(() -> db.jdbc.sql("select " + ROW + " from record where document_id = ? and state = 'ACTIVE' "
                + "order by ingested_at desc limit 1").param(documentId).query(Catalogue::row).optional());
    }

    List<CatalogueRow> inFile(String fondCode, String fileCode) {
        return call(() -> db.jdbc.sql("select " + ROW + " from record where fond_code = ? and file_code = ? "
                + "and state = 'ACTIVE' "
                + "order by document_date, number_symbol").params(fondCode, fileCode).query(Catalogue::row).list());
    }

    /** Active records after {@code after} in id order (for resumable jobs). */
    List<UUID> activeIdsAfter(UUID after, int limit) {
        return call(() -> db.jdbc.sql("select id from record where state = 'ACTIVE' "
                + "and (?::uuid is null or id > ?::uuid) order by id limit ?").params(after, after, limit)
                .query(UUID.class).list());
    }

    int countActive() {
        return call(() -> db.jdbc.sql("select count(*) from record where state = 'ACTIVE'").query(Integer.class)
                .single());
    }

    /** Records due for evidence renewal at {@code now}. */
    List<UUID> dueForRenewal(Instant now) {
        return call(() -> db.jdbc.sql("select id from record where state = 'ACTIVE' and renew_by is not null "
                + "and renew_by <= ? order by id").param(ts(now)).query(UUID.class).list());
    }

    void updateFixity(UUID id, Instant at) {
        call(() -> db.jdbc.sql("update record set last_fixity_at = ? where id = ?").params(ts(at), id).update());
    }

    void updateValidation(UUID id, Verdict verdict, Instant at) {
        call(() -> db.jdbc.sql("update record set verdict = ?, validated_at = ? where id = ?")
                .params(verdict.name(), ts(at), id).update());
    }

    /** A renewal stored a new generation of the evidence. */
    void renewed(ObjectRow newEvidence, Instant lastTimestamp, Instant renewBy, String detail) {
        db.inTransaction(() -> {
            objects.insert(newEvidence);
            db.jdbc.sql("update record set last_timestamp = ?, renew_by = ?, augmented = true where id = ?")
                    .params(ts(lastTimestamp), ts(renewBy), newEvidence.recordId()).update();
            history.add(newEvidence.recordId(), newEvidence.storedAt(), "TIMESTAMP_RENEWAL", "OK", detail,
                    "system");
            return null;
        });
    }

    void setLegalHold(UUID id, boolean hold) {
        call(() -> db.jdbc.sql("update record set legal_hold = ? where id = ?").params(hold, id).update());
    }

    void markDisposed(UUID id) {
        call(() -> db.jdbc.sql("update record set state = 'DISPOSED', extracted_text = null, search_folded = '', "
                + "search_exact = '' where id = ?").param(id).update());
    }

    // ---------------------------------------------------------------- mapping

    static CatalogueRow row(ResultSet rs, int n) throws SQLException {
        Integer years = (Integer) rs.getObject("preservation_years");
        Array kw = rs.getArray("keywords");
        List<String> keywords = kw == null ? List.of() : Arrays.asList((String[]) kw.getArray());
        Integer pages = (Integer) rs.getObject("page_count");
        RecordMetadata m = new RecordMetadata(rs.getString("fond_code"), rs.getString("file_code"),
                rs.getString("number_symbol"), rs.getObject("document_date", LocalDate.class),
                rs.getString("document_type"), rs.getString("issuer"), rs.getString("subject"), rs.getString("signer"),
                rs.getString("language"), pages, keywords, AccessRegime.valueOf(rs.getString("access_regime")),
                ConfidenceLevel.valueOf(rs.getString("confidence_level")), new PreservationPeriod(years),
                rs.getString("document_id"), DescriptionJson.read(rs.getString("description")));
        String verdict = rs.getString("verdict");
        return new CatalogueRow(rs.getObject("id", UUID.class), RecordState.valueOf(rs.getString("state")), m,
                new CatalogueRow.OriginalFacts(rs.getString("original_name"), rs.getString("media_type"),
                        rs.getLong("original_size"), rs.getString("original_sha256"),
                        rs.getString("original_sha512")),
                new CatalogueRow.Findings(verdict == null ? null : Verdict.valueOf(verdict),
                        instant(rs.getTimestamp("validated_at")), rs.getString("level_at_ingest"),
                        rs.getBoolean("augmented"), instant(rs.getTimestamp("last_timestamp")),
                        instant(rs.getTimestamp("renew_by"))),
                rs.getObject("disposable_from", LocalDate.class), rs.getBoolean("legal_hold"),
                instant(rs.getTimestamp("ingested_at")), rs.getString("ingested_by"),
                instant(rs.getTimestamp("last_fixity_at")), null);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
