package vn.kyso.signing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import vn.kyso.core.schema.ModuleSchema;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Prepared remote signatures in PostgreSQL, so {@code complete} may reach any instance or come after a
 * restart (ADR 0015). One row per prepared signature: its id, caller, expiry, size and the encoded
 * {@link PreparedState}. The table comes from the signing module's own Flyway migration
 * ({@code db/kyso-signing}), run at first use; expired rows are deleted as new ones are stored.
 */
final class JdbcPendingSignatures implements PendingStore {

    static final String TABLE = "kyso_signing_pending";
    static final ModuleSchema SCHEMA = ModuleSchema.of("signing");
    static final String HISTORY = SCHEMA.historyTable();

    private final DataSource db;
    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private volatile boolean migrated;

    JdbcPendingSignatures(DataSource db, Clock clock, Duration ttl, long maxBytes) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    @Override
    public Ticket put(PreparedState state, long size) {
        Instant now = clock.instant();
        String id = PendingIds.next();
        Instant expiresAt = now.plus(ttl);
        try (Connection c = connection()) {
            try (PreparedStatement purge = c.prepareStatement("delete from " + TABLE + " where expires_at <= ?")) {
                purge.setTimestamp(1, Timestamp.from(now));
                purge.executeUpdate();
            }
            // A bound, not an exact quota: two instances may both pass it at once by one document each.
            try (Statement sum = c.createStatement();
                    ResultSet rs = sum.executeQuery("select coalesce(sum(size), 0) from " + TABLE)) {
                rs.next();
                if (rs.getLong(1) + size > maxBytes) {
                    throw PendingSignatures.tooMany();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("insert into " + TABLE
                    + " (id, caller, expires_at, size, state) values (?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, state.caller());
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                insert.setLong(4, size);
                insert.setBytes(5, PendingCodec.encode(state));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return new Ticket(id, expiresAt);
    }

    @Override
    public PreparedState get(String id, String caller) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement(
                        "select state from " + TABLE + " where id = ? and expires_at > ?")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw PendingSignatures.notFound();
                }
                PreparedState state = PendingCodec.decode(rs.getBytes(1));
                if (!state.preparedBy(caller)) {
                    throw PendingSignatures.notFound();
                }
                return state;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean remove(String id) {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("delete from " + TABLE + " where id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Connection connection() throws SQLException {
        if (!migrated) {
            try {
                migrate();
            } catch (FlywayException e) {
                throw new SQLException("the table of prepared signatures cannot be migrated", e);
            }
        }
        return db.getConnection();
    }

    /**
     * Brings the table up to date with the module's own Flyway history; Flyway's lock keeps instances
     * starting together from racing. It runs at first use, not at start-up, because the service starts
     * without its database. V1 is the table the service used to create with {@code create table if not
     * exists}, so a database that already has it migrates as it is, rows kept.
     */
    private synchronized void migrate() {
        if (migrated) {
            return;
        }
        // Version 0 as baseline: the schema already holds the other modules' tables, and V1 must still run.
        SCHEMA.migrate(db);
        migrated = true;
    }

    private static SigningException unavailable(SQLException e) {
        return new SigningException(SigningError.PENDING_STORE_UNAVAILABLE,
                "the store of prepared signatures cannot be reached; try again later", e);
    }
}
