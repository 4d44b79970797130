package vn.kyso.archive.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.FileRights;
import vn.kyso.archive.OpenFileRequest;
import vn.kyso.archive.PreservationPeriod;

/**
 * The {@code archive_file} table (migration V3_12) and the record columns a file's life changes: the
 * file a record is in and, once the file closes, the record's {@code disposable_from}.
 */
final class FileCatalogue {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    FileCatalogue(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** What a file's documents add up to: counted live while it is open. */
    record Totals(int documents, int pages, LocalDate first, LocalDate last) {
    }

    void insert(OpenFileRequest r, Instant at, String actor) {
        try {
            CatalogueDb.call(() -> jdbc.sql("""
                    insert into archive_file (fond_code, file_code, organ_id, file_year, notation, title,
                      preservation_years, rights, creator, language, description, state, opened_at, opened_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                    .params(r.fondCode(), r.fileCode(), r.organId(), r.year(), r.notation(), r.title(),
                            r.retention().years(), r.rights().name(), r.creator(), r.language(), r.description(),
                            Timestamp.from(at), actor)
                    .update());
        } catch (ArchiveException e) {
            if (e.error() == ArchiveError.DUPLICATE_RECORD) {
                throw new ArchiveException(ArchiveError.FILE_EXISTS, "fond " + r.fondCode() + " already has a file "
                        + r.fileCode());
            }
            throw e;
        }
    }

    Optional<ArchiveFile> find(String fondCode, String fileCode) {
        return findWithoutTotals(fondCode, fileCode).map(f -> f.isOpen() ? withTotals(f, totals(fondCode, fileCode)) : f);
    }

    /** The file as stored, an open file's live totals not counted: for ingest's checks, which need none. */
    Optional<ArchiveFile> findWithoutTotals(String fondCode, String fileCode) {
        return CatalogueDb.call(() -> jdbc.sql("select * from archive_file where fond_code = ? and file_code = ?")
                .params(fondCode, fileCode).query((rs, n) -> file(rs)).optional());
    }

    Totals totals(String fondCode, String fileCode) {
        return CatalogueDb.call(() -> jdbc.sql("select count(*), coalesce(sum(page_count), 0), min(document_date), "
                + "max(document_date) from record where fond_code = ? and file_code = ? "
                + "and state in ('ACCEPTED', 'ACTIVE')").params(fondCode, fileCode)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).single());
    }

    /**
     * Closes the file and starts its documents' preservation periods, in one transaction: each
     * record keeps the longer of its own and the file's period, counted from the end of {@code year}.
     *
     * @return false when the file was not open
     */
    boolean close(String fondCode, String fileCode, int year, Totals totals, Instant at, String actor) {
        return Boolean.TRUE.equals(CatalogueDb.call(() -> tx.execute(s -> {
            int n = jdbc.sql("update archive_file set state = 'CLOSED', closed_at = ?, closed_by = ?, closed_year = ?, "
                    + "doc_total = ?, page_total = ?, start_date = ?, end_date = ? "
                    + "where fond_code = ? and file_code = ? and state = 'OPEN'")
                    .params(Timestamp.from(at), actor, year, totals.documents(), totals.pages(), totals.first(),
                            totals.last(), fondCode, fileCode).update();
            if (n == 0) {
                return false;
            }
            jdbc.sql("""
                    update record r set disposable_from = case
                        when r.preservation_years is null or f.preservation_years is null then null
                        else make_date(f.closed_year + greatest(r.preservation_years, f.preservation_years) + 1, 1, 1)
                      end
                    from archive_file f
                    where f.fond_code = r.fond_code and f.file_code = r.file_code
                      and r.fond_code = ? and r.file_code = ? and r.state in ('PENDING', 'ACCEPTED', 'ACTIVE')""")
                    .params(fondCode, fileCode).update();
            return true;
        })));
    }

    /** Moves a record into an open file; its period waits for that file to close. */
    void refile(UUID recordId, String fondCode, String fileCode) {
        CatalogueDb.call(() -> jdbc.sql("update record set fond_code = ?, file_code = ?, disposable_from = null "
                + "where id = ? and state = 'ACTIVE'").params(fondCode, fileCode, recordId).update());
    }

    private static ArchiveFile withTotals(ArchiveFile f, Totals t) {
        return new ArchiveFile(f.fondCode(), f.fileCode(), f.organId(), f.year(), f.notation(), f.title(),
                f.retention(), f.rights(), f.creator(), f.language(), f.state(), t.first(), t.last(), t.documents(),
                t.pages(), f.description(), f.openedAt(), f.openedBy(), f.closedAt(), f.closedBy(), f.closedYear(),
                f.disposableFrom());
    }

    private static ArchiveFile file(ResultSet rs) throws SQLException {
        Integer years = (Integer) rs.getObject("preservation_years");
        Integer closedYear = (Integer) rs.getObject("closed_year");
        PreservationPeriod period = new PreservationPeriod(years);
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Integer docs = (Integer) rs.getObject("doc_total");
        Integer pages = (Integer) rs.getObject("page_total");
        return new ArchiveFile(rs.getString("fond_code"), rs.getString("file_code"), rs.getString("organ_id"),
                rs.getInt("file_year"), rs.getString("notation"), rs.getString("title"), period,
                FileRights.valueOf(rs.getString("rights")), rs.getString("creator"), rs.getString("language"),
                rs.getString("state"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), docs == null ? 0 : docs, pages == null ? 0 : pages,
                rs.getString("description"), rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_by"), closedYear,
                closedYear == null || period.isPermanent() ? null : LocalDate.of(closedYear + years + 1, 1, 1));
    }
}
