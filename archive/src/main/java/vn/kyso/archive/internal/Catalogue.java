package vn.kyso.archive.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ConfidenceLevel;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.RecordSummary;

/**
 * The catalogue in PostgreSQL: records, their objects and history, job runs and disposal lists.
 * Every database failure leaves here as {@link ArchiveError#CATALOGUE_UNAVAILABLE} (or a defect).
 */
final class Catalogue {

    /**
     * The columns a {@link Row} is read from: never the full text and search vectors, which can be
     * far larger than everything else and are only needed inside the database.
     */
    private static final String ROW = "id, state, fond_code, file_code, number_symbol, document_date, document_type, issuer, "
            + "subject, signer, language, page_count, keywords, access_regime, confidence_level, "
            + "preservation_years, disposable_from, legal_hold, document_id, original_name, media_type, "
            + "original_size, original_sha256, original_sha512, verdict, validated_at, level_at_ingest, "
            + "augmented, last_timestamp, renew_by, ingested_at, ingested_by, last_fixity_at, description::text";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Catalogue(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Brings the schema up to date (Flyway, own history table so it can share a database). */
    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/kyso-archive")
                .table("kyso_archive_schema_history").baselineOnMigrate(true).load().migrate();
    }

    // ---------------------------------------------------------------- records

    /** A catalogue row with everything ingest decided. */
    record Row(UUID id, String state, RecordMetadata metadata, LocalDate disposableFrom, boolean legalHold,
            String originalName, String mediaType, long size, String sha256, String sha512, String verdict,
            Instant validatedAt, String levelAtIngest, boolean augmented, Instant lastTimestamp, Instant renewBy,
            Instant ingestedAt, String ingestedBy, Instant lastFixityAt, String extractedText) {
    }

    /** An object row. */
    record ObjectRow(UUID recordId, String role, int generation, String key, String name, String mediaType,
            long size, String sha256, String sha512, Instant storedAt) {
        RecordDetails.StoredObject toApi() {
            return new RecordDetails.StoredObject(role, generation, name, mediaType, size, sha256, sha512, storedAt);
        }
    }

    Optional<UUID> liveRecordWithSha256(String sha256) {
        return call(() -> jdbc.sql("select id from record where original_sha256 = ? "
                + "and state not in ('DISPOSED', 'FAILED')")
                .param(sha256).query(UUID.class).optional());
    }

    /**
     * Step one of ingest: the PENDING row and the planned objects in one transaction.
     *
     * @throws ArchiveException DUPLICATE_RECORD if another ingest of the same bytes won the race
     */
    void insertPending(Row r, List<ObjectRow> objects, String searchFolded, String searchExact) {
        insert("PENDING", r, objects, searchFolded, searchExact);
    }

    private void insert(String state, Row r, List<ObjectRow> objects, String searchFolded, String searchExact) {
        try {
            call(() -> tx.execute(s -> {
                RecordMetadata m = r.metadata();
                jdbc.sql("""
                        insert into record (id, state, fond_code, file_code, number_symbol, document_date, document_type,
                          issuer, subject, signer, language, page_count, keywords, access_regime, confidence_level,
                          preservation_years, disposable_from, legal_hold, document_id, original_name, media_type,
                          original_size, original_sha256, original_sha512, verdict, validated_at, level_at_ingest,
                          augmented, last_timestamp, renew_by, ingested_at, ingested_by, extracted_text,
                          search_folded, search_exact, description)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?,
                          ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                        .params(r.id(), state, m.fondCode(), m.fileCode(), m.numberSymbol(), m.documentDate(),
                                m.documentType(), m.issuer(), m.subject(), m.signer(), m.language(), m.pageCount(),
                                m.keywords().toArray(String[]::new), m.accessRegime().name(),
                                m.confidenceLevel().name(), m.preservation().years(), r.disposableFrom(),
                                m.documentId(), r.originalName(), r.mediaType(), r.size(), r.sha256(), r.sha512(),
                                r.verdict(), ts(r.validatedAt()), r.levelAtIngest(), r.augmented(),
                                ts(r.lastTimestamp()), ts(r.renewBy()), ts(r.ingestedAt()), r.ingestedBy(),
                                r.extractedText(), searchFolded, searchExact, DescriptionJson.write(m.description()))
                        .update();
                objects.forEach(this::insertObject);
                return null;
            }));
        } catch (ArchiveException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ArchiveException.duplicate(liveRecordWithSha256(r.sha256()).map(UUID::toString).orElse("?"));
            }
            throw e;
        }
    }

    /** An asynchronous ingest's first step: the ACCEPTED row and the original's object row. */
    void insertAccepted(Row r, List<ObjectRow> objects) {
        insert("ACCEPTED", r, objects, "", "");
    }

    void insertObjects(List<ObjectRow> objects) {
        call(() -> tx.execute(s -> {
            objects.forEach(this::insertObject);
            return null;
        }));
    }

    void deleteObjectsExcept(UUID id, List<String> roles) {
        call(() -> jdbc.sql("delete from record_object where record_id = ? and role <> all(?)")
                .params(id, roles.toArray(String[]::new)).update());
    }

    List<UUID> acceptedOlderThan(Instant before) {
        return call(() -> jdbc.sql("select id from record where state = 'ACCEPTED' and ingested_at < ? order by id")
                .param(ts(before)).query(UUID.class).list());
    }

    /** The background half of an accepted ingest is done: the decided facts, then ACTIVE. */
    void completeAccepted(Row r, String searchFolded, String searchExact, Instant at, String detail) {
        call(() -> tx.execute(s -> {
            int n = jdbc.sql("update record set state = 'ACTIVE', signer = ?, page_count = ?, media_type = ?, "
                    + "verdict = ?, validated_at = ?, level_at_ingest = ?, augmented = ?, last_timestamp = ?, "
                    + "renew_by = ?, extracted_text = ?, search_folded = ?, search_exact = ? "
                    + "where id = ? and state = 'ACCEPTED'")
                    .params(r.metadata().signer(), r.metadata().pageCount(), r.mediaType(), r.verdict(),
                            ts(r.validatedAt()), r.levelAtIngest(), r.augmented(), ts(r.lastTimestamp()),
                            ts(r.renewBy()), r.extractedText(), searchFolded, searchExact, r.id())
                    .update();
            if (n == 1) {
                event(r.id(), at, "INGEST", "OK", detail, r.ingestedBy());
            }
            return n;
        }));
    }

    void markFailed(UUID id, Instant at, String reason) {
        call(() -> tx.execute(s -> {
            jdbc.sql("delete from record_object where record_id = ?").param(id).update();
            jdbc.sql("update record set state = 'FAILED' where id = ?").param(id).update();
            event(id, at, "INGEST", "FAILED", reason, "system");
            return null;
        }));
    }

    void insertObject(ObjectRow o) {
        jdbc.sql("""
                insert into record_object (record_id, role, generation, object_key, name, media_type, size, sha256,
                  sha512, stored_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.recordId(), o.role(), o.generation(), o.key(), o.name(), o.mediaType(), o.size(), o.sha256(),
                        o.sha512(), ts(o.storedAt()))
                .update();
    }

    /** Step two of ingest: every object is stored; the record becomes visible. */
    void activate(UUID id, Instant at, String actor, String detail) {
        call(() -> tx.execute(s -> {
            int n = jdbc.sql("update record set state = 'ACTIVE' where id = ? and state = 'PENDING'").param(id).update();
            if (n == 1) {
                event(id, at, "INGEST", "OK", detail, actor);
            }
            return n;
        }));
    }

    /** Rolls back an ingest that never completed: its rows go, as if it had not happened. */
    void deletePending(UUID id) {
        call(() -> tx.execute(s -> {
            jdbc.sql("delete from record_event where record_id = ? and exists "
                    + "(select 1 from record where id = ? and state in ('PENDING', 'ACCEPTED'))").params(id, id).update();
            jdbc.sql("delete from record_object where record_id = ? and exists "
                    + "(select 1 from record where id = ? and state in ('PENDING', 'ACCEPTED'))").params(id, id).update();
            return jdbc.sql("delete from record where id = ? and state in ('PENDING', 'ACCEPTED')").param(id)
                    .update();
        }));
    }

    List<UUID> pendingOlderThan(Instant before) {
        return call(() -> jdbc.sql("select id from record where state = 'PENDING' and ingested_at < ? order by id")
                .param(ts(before)).query(UUID.class).list());
    }

    boolean exists(UUID id) {
        return call(() -> jdbc.sql("select count(*) from record where id = ?").param(id).query(Integer.class)
                .single() > 0);
    }

    Optional<Row> find(UUID id) {
        return call(() -> jdbc.sql("select " + ROW + " from record where id = ?").param(id).query(Catalogue::row)
                .optional());
    }

    /** Where a record's current original is, in one round trip: the hot path of retrieval. */
    record OriginalRef(String state, String name, String mediaType, String key, String sha256) {
    }

    Optional<OriginalRef> original(UUID id) {
        return call(() -> jdbc.sql("select r.state, r.original_name, r.media_type, o.object_key, o.sha256 "
                + "from record r left join record_object o on o.record_id = r.id and o.role = 'original' "
                + "where r.id = ? order by o.generation desc limit 1").param(id)
                .query((rs, n) -> new OriginalRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional());
    }

    Optional<Row> findByDocumentId(String documentId) {
        return call(() -> jdbc.sql("select " + ROW + " from record where document_id = ? and state = 'ACTIVE' "
                + "order by ingested_at desc limit 1").param(documentId).query(Catalogue::row).optional());
    }

    List<ObjectRow> objects(UUID id) {
        return call(() -> jdbc.sql("select * from record_object where record_id = ? order by role, generation")
                .param(id).query((rs, n) -> new ObjectRow(rs.getObject("record_id", UUID.class),
                        rs.getString("role"), rs.getInt("generation"), rs.getString("object_key"),
                        rs.getString("name"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256"),
                        rs.getString("sha512"), instant(rs.getTimestamp("stored_at"))))
                .list());
    }

    /** Every object key the catalogue knows, for finding orphans in the store. */
    boolean knowsObjectKey(String key) {
        return call(() -> jdbc.sql("select count(*) from record_object where object_key = ?").param(key)
                .query(Integer.class).single() > 0);
    }

    List<RecordDetails.HistoryEvent> history(UUID id) {
        return call(() -> jdbc.sql("select * from record_event where record_id = ? order by id").param(id)
                .query((rs, n) -> new RecordDetails.HistoryEvent(instant(rs.getTimestamp("at")), rs.getString("kind"),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("actor")))
                .list());
    }

    void event(UUID id, Instant at, String kind, String outcome, String detail, String actor) {
        call(() -> jdbc.sql("insert into record_event (record_id, at, kind, outcome, detail, actor) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, ts(at), kind, outcome, detail, actor).update());
    }

    List<Row> inFile(String fondCode, String fileCode) {
        return call(() -> jdbc.sql("select " + ROW + " from record where fond_code = ? and file_code = ? "
                + "and state = 'ACTIVE' "
                + "order by document_date, number_symbol").params(fondCode, fileCode).query(Catalogue::row).list());
    }

    /** Active records after {@code after} in id order (for resumable jobs). */
    List<UUID> activeIdsAfter(UUID after, int limit) {
        return call(() -> jdbc.sql("select id from record where state = 'ACTIVE' and (?::uuid is null or id > ?::uuid) "
                + "order by id limit ?").params(after, after, limit).query(UUID.class).list());
    }

    int countActive() {
        return call(() -> jdbc.sql("select count(*) from record where state = 'ACTIVE'").query(Integer.class).single());
    }

    void updateFixity(UUID id, Instant at) {
        call(() -> jdbc.sql("update record set last_fixity_at = ? where id = ?").params(ts(at), id).update());
    }

    void updateValidation(UUID id, String verdict, Instant at) {
        call(() -> jdbc.sql("update record set verdict = ?, validated_at = ? where id = ?")
                .params(verdict, ts(at), id).update());
    }

    /** A renewal stored a new generation of the evidence. */
    void renewed(ObjectRow newEvidence, Instant lastTimestamp, Instant renewBy, String detail) {
        call(() -> tx.execute(s -> {
            insertObject(newEvidence);
            jdbc.sql("update record set last_timestamp = ?, renew_by = ?, augmented = true where id = ?")
                    .params(ts(lastTimestamp), ts(renewBy), newEvidence.recordId()).update();
            event(newEvidence.recordId(), newEvidence.storedAt(), "TIMESTAMP_RENEWAL", "OK", detail, "system");
            return null;
        }));
    }

    void setLegalHold(UUID id, boolean hold) {
        call(() -> jdbc.sql("update record set legal_hold = ? where id = ?").params(hold, id).update());
    }

    void markDisposed(UUID id) {
        call(() -> jdbc.sql("update record set state = 'DISPOSED', extracted_text = null, search_folded = '', "
                + "search_exact = '' where id = ?").param(id).update());
    }

    // ---------------------------------------------------------------- search

    RecordQueryResult search(RecordQuery q) {
        StringBuilder where = new StringBuilder(" where state = 'ACTIVE'");
        List<Object> params = new ArrayList<>();
        String rank = "0";
        List<Object> rankParams = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            String folded = VietnameseText.foldQuery(q.text());
            if (!folded.isBlank()) {
                where.append(" and search_vector @@ websearch_to_tsquery('simple', ?)");
                params.add(folded);
                // Records that match with the diacritics as typed rank above those that match only folded.
                rank = "ts_rank(search_vector, websearch_to_tsquery('simple', ?))"
                        + " + 2 * ts_rank(exact_vector, websearch_to_tsquery('simple', ?))";
                rankParams.add(folded);
                rankParams.add(VietnameseText.exact(q.text()));
            }
        }
        if (notBlank(q.fondCode())) {
            where.append(" and fond_code = ?");
            params.add(q.fondCode().strip());
        }
        if (notBlank(q.fileCode())) {
            where.append(" and file_code = ?");
            params.add(q.fileCode().strip());
        }
        if (notBlank(q.documentType())) {
            where.append(" and lower(document_type) = lower(?)");
            params.add(q.documentType().strip());
        }
        if (notBlank(q.issuer())) {
            where.append(" and issuer ilike ?");
            params.add("%" + q.issuer().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.from() != null) {
            where.append(" and document_date >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            where.append(" and document_date <= ?");
            params.add(q.to());
        }
        if (notBlank(q.verdict())) {
            where.append(" and verdict = ?");
            params.add(q.verdict());
        }
        String w = where.toString();
        String rankSql = rank;
        return call(() -> {
            long total = jdbc.sql("select count(*) from record" + w).params(params).query(Long.class).single();
            List<Object> all = new ArrayList<>(rankParams);
            all.addAll(params);
            all.add(q.size());
            all.add((long) q.page() * q.size());
            List<RecordSummary> items = jdbc.sql("select " + ROW + ", " + rankSql + " as rank from record" + w
                    + " order by rank desc, document_date desc, number_symbol limit ? offset ?")
                    .params(all).query((rs, n) -> summary(row(rs, n))).list();
            return new RecordQueryResult(items, total);
        });
    }

    record RecordQueryResult(List<RecordSummary> items, long total) {
    }

    static RecordSummary summary(Row r) {
        RecordMetadata m = r.metadata();
        return new RecordSummary(r.id().toString(), m.fondCode(), m.fileCode(), m.numberSymbol(), m.documentDate(),
                m.documentType(), m.issuer(), m.subject(), m.signer(), m.accessRegime(), r.verdict(), r.ingestedAt(),
                r.state());
    }

    // ---------------------------------------------------------------- jobs

    /** Starts a run of {@code kind}, resuming where a crashed run stopped; null if one is running. */
    JobReport startJob(JobKind kind, Instant now, Instant staleBefore, int total) {
        return call(() -> tx.execute(s -> {
            jdbc.sql("update job_run set state = 'INTERRUPTED', finished_at = ?, message = 'no heartbeat: taken as "
                    + "crashed' where kind = ? and state = 'RUNNING' and heartbeat_at < ?")
                    .params(ts(now), kind.name(), ts(staleBefore)).update();
            if (jdbc.sql("select count(*) from job_run where kind = ? and state = 'RUNNING'").param(kind.name())
                    .query(Integer.class).single() > 0) {
                return null;
            }
            // Resume after an interrupted run that was never finished by a later one.
            Optional<JobRow> last = jdbc.sql("select * from job_run where kind = ? order by id desc limit 1")
                    .param(kind.name()).query(Catalogue::jobRow).optional();
            UUID resumeAfter = null;
            int processed = 0;
            int failed = 0;
            if (last.isPresent() && last.get().report().state().equals("INTERRUPTED")) {
                resumeAfter = last.get().lastRecord();
                processed = last.get().report().processed();
                failed = last.get().report().failed();
            }
            long id = jdbc.sql("insert into job_run (kind, state, total, processed, failed, last_record, started_at, "
                    + "heartbeat_at, message) values (?, 'RUNNING', ?, ?, ?, ?, ?, ?, ?) returning id")
                    .params(kind.name(), total, processed, failed, resumeAfter, ts(now), ts(now),
                            resumeAfter == null ? null : "resumed after record " + resumeAfter)
                    .query(Long.class).single();
            return job(id);
        }));
    }

    record JobRow(JobReport report, UUID lastRecord) {
    }

    UUID jobCursor(long id) {
        return call(() -> jdbc.sql("select last_record from job_run where id = ?").param(id).query(UUID.class)
                .optional().orElse(null));
    }

    void jobProgress(long id, UUID lastRecord, boolean failedOne, Instant now) {
        call(() -> jdbc.sql("update job_run set last_record = ?, processed = processed + 1, failed = failed + ?, "
                + "heartbeat_at = ? where id = ?").params(lastRecord, failedOne ? 1 : 0, ts(now), id).update());
    }

    JobReport finishJob(long id, String state, String message, Instant now) {
        return call(() -> {
            jdbc.sql("update job_run set state = ?, finished_at = ?, message = ? where id = ?")
                    .params(state, ts(now), message, id).update();
            return job(id);
        });
    }

    JobReport job(long id) {
        return call(() -> jdbc.sql("select * from job_run where id = ?").param(id).query(Catalogue::jobRow).single()
                .report());
    }

    List<JobReport> jobs(int limit) {
        return call(() -> jdbc.sql("select * from job_run order by id desc limit ?").param(limit)
                .query(Catalogue::jobRow).list().stream().map(JobRow::report).toList());
    }

    private static JobRow jobRow(ResultSet rs, int n) throws SQLException {
        return new JobRow(new JobReport(rs.getLong("id"), JobKind.valueOf(rs.getString("kind")), rs.getString("state"),
                rs.getInt("total"), rs.getInt("processed"), rs.getInt("failed"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("message")),
                rs.getObject("last_record", UUID.class));
    }

    /** Records due for evidence renewal at {@code now}. */
    List<UUID> dueForRenewal(Instant now) {
        return call(() -> jdbc.sql("select id from record where state = 'ACTIVE' and renew_by is not null "
                + "and renew_by <= ? order by id").param(ts(now)).query(UUID.class).list());
    }

    // ---------------------------------------------------------------- disposal

    long proposeDisposal(LocalDate asOf, String actor, Instant now) {
        return call(() -> tx.execute(s -> {
            long id = jdbc.sql("insert into disposal_list (state, created_at, created_by) values ('PROPOSED', ?, ?) "
                    + "returning id").params(ts(now), actor).query(Long.class).single();
            jdbc.sql("""
                    insert into disposal_item (list_id, record_id, number_symbol, subject, sha256, disposable_from)
                    select ?, r.id, r.number_symbol, r.subject, r.original_sha256, r.disposable_from from record r
                    where r.state = 'ACTIVE' and not r.legal_hold and r.disposable_from is not null
                      and r.disposable_from <= ?
                      and not exists (select 1 from disposal_item i join disposal_list l on l.id = i.list_id
                                      where i.record_id = r.id and l.state = 'PROPOSED')""")
                    .params(id, asOf).update();
            return id;
        }));
    }

    Optional<DisposalList> disposalList(long id) {
        return call(() -> jdbc.sql("select * from disposal_list where id = ?").param(id)
                .query((rs, n) -> disposal(rs)).optional());
    }

    List<DisposalList> disposalLists() {
        return call(() -> jdbc.sql("select * from disposal_list order by id desc").query((rs, n) -> disposal(rs))
                .list());
    }

    void approveDisposal(long id, String archivist, Instant now) {
        call(() -> jdbc.sql("update disposal_list set state = 'DISPOSED', approved_at = ?, approved_by = ? "
                + "where id = ?").params(ts(now), archivist, id).update());
    }

    private DisposalList disposal(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<DisposalList.Item> items = jdbc.sql("select * from disposal_item where list_id = ? order by record_id")
                .param(id).query((r, n) -> new DisposalList.Item(r.getObject("record_id", UUID.class).toString(),
                        r.getString("number_symbol"), r.getString("subject"), r.getString("sha256"),
                        r.getObject("disposable_from", LocalDate.class)))
                .list();
        return new DisposalList(id, rs.getString("state"), instant(rs.getTimestamp("created_at")),
                rs.getString("created_by"), instant(rs.getTimestamp("approved_at")), rs.getString("approved_by"),
                items);
    }

    // ---------------------------------------------------------------- mapping

    static Row row(ResultSet rs, int n) throws SQLException {
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
        return new Row(rs.getObject("id", UUID.class), rs.getString("state"), m,
                rs.getObject("disposable_from", LocalDate.class), rs.getBoolean("legal_hold"),
                rs.getString("original_name"), rs.getString("media_type"), rs.getLong("original_size"),
                rs.getString("original_sha256"), rs.getString("original_sha512"), rs.getString("verdict"),
                instant(rs.getTimestamp("validated_at")), rs.getString("level_at_ingest"), rs.getBoolean("augmented"),
                instant(rs.getTimestamp("last_timestamp")), instant(rs.getTimestamp("renew_by")),
                instant(rs.getTimestamp("ingested_at")), rs.getString("ingested_by"),
                instant(rs.getTimestamp("last_fixity_at")), null);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Runs a database step and maps failures onto the archive's error model. */
    static <T> T call(Supplier<T> step) {
        try {
            return step.get();
        } catch (DataAccessResourceFailureException | TransientDataAccessException
                | TransactionException e) {
            throw new ArchiveException(ArchiveError.CATALOGUE_UNAVAILABLE,
                    "the archive catalogue (database) is unavailable; try again later", e);
        } catch (DuplicateKeyException e) {
            throw new ArchiveException(ArchiveError.DUPLICATE_RECORD, "duplicate", e);
        } catch (DataAccessException e) {
            if (isConnectionFailure(e)) {
                throw new ArchiveException(ArchiveError.CATALOGUE_UNAVAILABLE,
                        "the archive catalogue (database) is unavailable; try again later", e);
            }
            throw new ArchiveException(ArchiveError.ARCHIVE_FAILED, "a catalogue operation failed", e);
        }
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
