package vn.kyso.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.testing.ArchiveFixture;

/**
 * The ledger's table comes from the exchange's own Flyway migration, and a database whose table was
 * created by the statement the service ran before (at first use) migrates as it is, its rows kept.
 */
class JdbcReceivedLedgerMigrationTest {

    static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aFreshDatabaseGetsTheTableFromTheMigration() throws Exception {
        try (HikariDataSource db = ArchiveFixture.newDatabase("exchange_ledger_new")) {
            JdbcReceivedLedger ledger = new JdbcReceivedLedger(db, clock);
            assertThat(ledger.claim("000.00.12.H99|so-1|0")).isTrue();
            ledger.complete("000.00.12.H99|so-1|0", NOW, List.of("rec-1", "rec-2"));

            assertThat(ledger.get("000.00.12.H99|so-1|0").records()).containsExactly("rec-1", "rec-2");
            // An empty schema needs no baseline.
            assertThat(history(db)).containsExactly("1 received ledger SQL true");
        }
    }

    @Test
    void aDatabaseWhoseTableTheOldServiceCreatedMigratesWithItsRows() throws Exception {
        try (HikariDataSource db = ArchiveFixture.newDatabase("exchange_ledger_old")) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                // Exactly what the service ran before the migration existed, and a message it received then.
                s.execute("create table if not exists kyso_exchange_received (message_key text primary key, "
                        + "claimed_at timestamptz not null, received_at timestamptz, records text)");
                s.execute("insert into kyso_exchange_received values ('000.00.12.H99|cu-1|0', "
                        + "'2026-11-01T02:00:00Z', '2026-11-01T02:00:01Z', 'rec-old')");
            }
            JdbcReceivedLedger ledger = new JdbcReceivedLedger(db, clock);

            ReceivedLedger.Entry earlier = ledger.get("000.00.12.H99|cu-1|0");
            assertThat(earlier.records()).containsExactly("rec-old");
            assertThat(earlier.at()).isEqualTo(Instant.parse("2026-11-01T02:00:01Z"));
            assertThat(ledger.claim("000.00.12.H99|cu-1|0")).as("a duplicate of a message received before").isFalse();
            assertThat(ledger.claim("000.00.12.H99|moi-2|0")).isTrue();
            assertThat(history(db)).containsExactly("0 << Flyway Baseline >> BASELINE true",
                    "1 received ledger SQL true");
            // A second instance (or a restart) finds everything migrated.
            assertThat(new JdbcReceivedLedger(db, clock).get("000.00.12.H99|cu-1|0")).isNotNull();
            assertThat(history(db)).hasSize(2);
        }
    }

    private static List<String> history(HikariDataSource db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select version, description, type, success from "
                        + JdbcReceivedLedger.HISTORY + " order by installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
            }
        }
        return rows;
    }
}
