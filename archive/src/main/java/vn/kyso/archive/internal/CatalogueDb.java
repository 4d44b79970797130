package vn.kyso.archive.internal;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.core.schema.ModuleSchema;

/**
 * The catalogue's database: one JDBC client and transaction template that every table class shares
 * (so a step spanning tables is one transaction), the schema migration, and the one place database
 * failures become {@link ArchiveError#CATALOGUE_UNAVAILABLE} (or a defect).
 */
final class CatalogueDb {

    final JdbcClient jdbc;
    final TransactionTemplate tx;

    CatalogueDb(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Brings the schema up to date (Flyway, own history table so it can share a database). Called by
     * the service's {@code start()}, never by a constructor: building the service touches nothing.
     */
    static void migrate(DataSource dataSource) {
        // Baseline version 1 (Flyway's default), which the archive has always migrated with, unlike the later
        // modules' 0: a schema that holds tables but no archive history is taken to have the archive's V1.
        new ModuleSchema("archive", "1").migrate(dataSource);
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

    /** Runs steps in one transaction, failures mapped as by {@link #call}. */
    <T> T inTransaction(Supplier<T> steps) {
        return call(() -> tx.execute(s -> steps.get()));
    }

    /**
     * Runs steps in one transaction whose commit does not wait for its flush to disk. Only for a write
     * that a later durable commit of the same operation makes durable too (PostgreSQL flushes its log in
     * order) and whose loss in a crash before that leaves nothing the recovery job does not undo.
     */
    <T> T inTransactionFlushedLater(Supplier<T> steps) {
        return call(() -> tx.execute(s -> {
            jdbc.sql("set local synchronous_commit = off").update();
            return steps.get();
        }));
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
