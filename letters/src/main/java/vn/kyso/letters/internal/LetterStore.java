package vn.kyso.letters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kyso.core.schema.ModuleSchema;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LetterState;
import vn.kyso.letters.LettersError;
import vn.kyso.letters.LettersException;

/**
 * The letters between steps, in the application's database (the archive's catalogue database) with
 * their own tables and Flyway history. State changes are guarded by the state they expect, so two
 * clerks pressing the same button get one success and one conflict.
 */
public class LetterStore {

    private static final String COLUMNS = "id, state, subject, document_type, file_code, preservation, "
            + "access_regime, keywords, original_name, page_count, signer, organisation, number_symbol, "
            + "document_date, record_id, owner_organisation, created_at, updated_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private final DataSource dataSource;
    private volatile boolean migrated;

    /** Touches nothing: {@link #migrate()} brings the tables up to date, at start-up. */
    public LetterStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Brings the letters' tables up to date. Called at start-up; if the database was down then, the first
     * use tries again, as the service starts without its database and answers 503 until it is back.
     *
     * @throws LettersException LETTERS_UNAVAILABLE when the database cannot be reached
     */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        try {
            // Version 0 as baseline: the schema already holds the archive's tables, and V1 must still run.
            ModuleSchema.of("letters").migrate(dataSource);
            migrated = true;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The fields of a new draft. */
    record Draft(String subject, String documentType, String fileCode, String preservation, String accessRegime,
            String keywords, String originalName, Integer pageCount, String owner) {
    }

    UUID create(Draft d, byte[] pdf, Instant now, Letter.Event uploaded) {
        return create(UUID.randomUUID(), d, pdf, now, uploaded);
    }

    /** With the id chosen beforehand: the draft's verification QR code already carries it. */
    UUID create(UUID id, Draft d, byte[] pdf, Instant now, Letter.Event uploaded) {
        call(() -> tx.execute(s -> {
            jdbc.sql("insert into kyso_letter (id, state, subject, document_type, file_code, preservation, "
                    + "access_regime, keywords, original_name, page_count, owner_organisation, pdf, created_at, "
                    + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, LetterState.DRAFT.name(), d.subject(), d.documentType(), d.fileCode(),
                            d.preservation(), d.accessRegime(), d.keywords(), d.originalName(), d.pageCount(),
                            d.owner(), pdf,
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
            insertEvent(id, uploaded);
            return null;
        }));
        return id;
    }

    Optional<Letter> find(UUID id) {
        return call(() -> jdbc.sql("select " + COLUMNS + " from kyso_letter where id = ?").param(id)
                .query(LetterStore::letter).optional()
                .map(l -> l.withDetails(jdbc.sql("select position, name, record_id from kyso_letter_attachment "
                                + "where letter_id = ? order by position").param(id)
                                .query((rs, n) -> new Letter.Attachment(rs.getInt(1), rs.getString(2),
                                        rs.getString(3))).list(),
                        jdbc.sql("select at, actor, action, key_id, name, detail "
                                + "from kyso_letter_event where letter_id = ? order by id").param(id)
                                .query(LetterStore::event).list())));
    }

    List<Letter> list(int limit) {
        return call(() -> jdbc.sql("select " + COLUMNS + " from kyso_letter order by updated_at desc limit ?")
                .param(limit).query(LetterStore::letter).list());
    }

    List<Letter> list(String owner, int limit) {
        return call(() -> jdbc.sql("select " + COLUMNS + " from kyso_letter where owner_organisation = ? "
                + "order by updated_at desc limit ?").params(owner, limit).query(LetterStore::letter).list());
    }

    Optional<byte[]> pdf(UUID id) {
        return call(() -> jdbc.sql("select pdf from kyso_letter where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional());
    }

    Optional<byte[]> attachmentPdf(UUID id, int position) {
        return call(() -> jdbc.sql("select pdf from kyso_letter_attachment where letter_id = ? and position = ?")
                .params(id, position).query((rs, n) -> rs.getBytes(1)).optional());
    }

    /** A signed attachment, ready to keep with the letter. */
    record SignedAttachment(String name, byte[] pdf) {
    }

    /** After the person's signature. False when the letter was no longer a draft. */
    boolean signedByPerson(UUID id, byte[] pdf, String signer, Instant now, Letter.Event event) {
        return call(() -> tx.execute(s -> {
            int n = jdbc.sql("update kyso_letter set state = ?, pdf = ?, signer = ?, updated_at = ? "
                    + "where id = ? and state = ?")
                    .params(LetterState.SIGNED_BY_PERSON.name(), pdf, signer, Timestamp.from(now), id,
                            LetterState.DRAFT.name())
                    .update();
            if (n == 1) {
                insertEvent(id, event);
            }
            return n == 1;
        }));
    }

    /** After the organisation's signature. False when the letter was no longer signed-by-person only. */
    boolean issued(UUID id, byte[] pdf, String organisation, String numberSymbol, LocalDate date,
            List<SignedAttachment> attachments, Instant now, Letter.Event event) {
        return call(() -> tx.execute(s -> {
            int n = jdbc.sql("update kyso_letter set state = ?, pdf = ?, organisation = ?, number_symbol = ?, "
                    + "document_date = ?, updated_at = ? where id = ? and state = ?")
                    .params(LetterState.ISSUED.name(), pdf, organisation, numberSymbol, date, Timestamp.from(now),
                            id, LetterState.SIGNED_BY_PERSON.name())
                    .update();
            if (n == 1) {
                for (int i = 0; i < attachments.size(); i++) {
                    jdbc.sql("insert into kyso_letter_attachment (letter_id, position, name, pdf) values (?, ?, ?, ?)")
                            .params(id, i + 1, attachments.get(i).name(), attachments.get(i).pdf()).update();
                }
                insertEvent(id, event);
            }
            return n == 1;
        }));
    }

    /** The letter's own archive record, while it may still wait for its attachments'. */
    void letterArchived(UUID id, String recordId, Instant now, Letter.Event event) {
        call(() -> tx.execute(s -> {
            jdbc.sql("update kyso_letter set record_id = ?, updated_at = ? where id = ?")
                    .params(recordId, Timestamp.from(now), id).update();
            insertEvent(id, event);
            return null;
        }));
    }

    void attachmentArchived(UUID id, int position, String recordId, Instant now, Letter.Event event) {
        call(() -> tx.execute(s -> {
            jdbc.sql("update kyso_letter_attachment set record_id = ? where letter_id = ? and position = ?")
                    .params(recordId, id, position).update();
            jdbc.sql("update kyso_letter set updated_at = ? where id = ?").params(Timestamp.from(now), id).update();
            insertEvent(id, event);
            return null;
        }));
    }

    /** Everything is in the archive: the letter becomes ARCHIVED. */
    boolean archived(UUID id, Instant now) {
        return call(() -> jdbc.sql("update kyso_letter set state = ?, updated_at = ? where id = ? and state = ?")
                .params(LetterState.ARCHIVED.name(), Timestamp.from(now), id, LetterState.ISSUED.name())
                .update() == 1);
    }

    void event(UUID id, Letter.Event event) {
        call(() -> {
            insertEvent(id, event);
            return null;
        });
    }

    private void insertEvent(UUID id, Letter.Event e) {
        jdbc.sql("insert into kyso_letter_event (letter_id, at, actor, action, key_id, name, detail) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(e.at()), e.actor(), e.action(), e.keyId(), e.name(), e.detail())
                .update();
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        java.sql.Date date = rs.getDate("document_date");
        return new Letter(rs.getString("id"), LetterState.valueOf(rs.getString("state")), rs.getString("subject"),
                rs.getString("document_type"), rs.getString("file_code"), rs.getString("preservation"),
                rs.getString("access_regime"), rs.getString("keywords"), rs.getString("original_name"),
                (Integer) rs.getObject("page_count"), rs.getString("signer"), rs.getString("organisation"),
                rs.getString("number_symbol"), date == null ? null : date.toLocalDate(), rs.getString("record_id"),
                rs.getString("owner_organisation"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), List.of(),
                List.of());
    }

    private static Letter.Event event(ResultSet rs, int row) throws SQLException {
        return new Letter.Event(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("key_id"), rs.getString("name"), rs.getString("detail"));
    }

    private <T> T call(Supplier<T> work) {
        if (!migrated) {
            migrate();
        }
        try {
            return work.get();
        } catch (DataAccessException | TransactionException e) {
            throw unavailable(e);
        }
    }

    private static LettersException unavailable(Throwable cause) {
        return new LettersException(LettersError.LETTERS_UNAVAILABLE, "the letters database is unavailable", null,
                cause);
    }
}
