package vn.kyso.exchange.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import vn.kyso.core.schema.ModuleSchema;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;

/**
 * The ledger in PostgreSQL: one row per message key (sender, {@code DocumentId}, type and, for updates,
 * the letter's digest), so the primary key recognises a duplicate whichever instance received the first
 * copy, and a recall finds a letter received before a restart. A claim is a row without a received time;
 * a claim older than {@link #STALE_CLAIM} (its instance died mid-receive) may be taken over.
 */
final class JdbcReceivedLedger implements ReceivedLedger {

    static final String TABLE = "kyso_exchange_received";
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    static final ModuleSchema SCHEMA = ModuleSchema.of("exchange");
    static final String HISTORY = SCHEMA.historyTable();

    private final DataSource db;
    private final Clock clock;
    private volatile boolean migrated;

    JdbcReceivedLedger(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean claim(String key) {
        Instant now = clock.instant();
        // Inserts the claim, or takes over a stale one; a received row or a fresh claim is left alone.
        String sql = "insert into " + TABLE + " (message_key, claimed_at) values (?, ?) on conflict (message_key) "
                + "do update set claimed_at = excluded.claimed_at where " + TABLE + ".received_at is null and "
                + TABLE + ".claimed_at < ?";
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now.minus(STALE_CLAIM)));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void complete(String key, Instant at, List<String> records) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "update " + TABLE + " set received_at = ?, records = ? where message_key = ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, String.join("\n", records));
            s.setString(3, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void release(String key) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "delete from " + TABLE + " where message_key = ? and received_at is null")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Entry get(String key) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "select received_at, records from " + TABLE + " where message_key = ? and received_at is not null")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String records = rs.getString(2);
                return new Entry(rs.getTimestamp(1).toInstant(),
                        records == null || records.isEmpty() ? List.of() : Arrays.asList(records.split("\n")));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Connection connection() throws SQLException {
        if (!migrated) {
            try {
                migrate();
            } catch (FlywayException e) {
                throw new SQLException("the ledger's table cannot be migrated", e);
            }
        }
        return db.getConnection();
    }

    /**
     * Brings the ledger's table up to date with its own Flyway history ({@code db/kyso-exchange}); Flyway's
     * own lock keeps instances starting together from racing. V1 is the table the service used to create
     * with {@code create table if not exists}, so a database that already has it migrates as is.
     */
    private synchronized void migrate() {
        if (migrated) {
            return;
        }
        // Version 0 as baseline: the schema already holds the other modules' tables, and V1 must still run.
        SCHEMA.migrate(db);
        migrated = true;
    }

    private static ExchangeException unavailable(SQLException e) {
        return new ExchangeException(ExchangeError.LEDGER_UNAVAILABLE,
                "the ledger of received messages cannot be reached; try again later", e);
    }
}
