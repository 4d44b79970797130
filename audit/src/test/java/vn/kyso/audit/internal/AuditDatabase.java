package vn.kyso.audit.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import vn.kyso.archive.testing.ArchiveFixture;

/** A fresh database on the test JVM's PostgreSQL, and the superuser's way around the triggers. */
final class AuditDatabase {

    private AuditDatabase() {
    }

    static HikariDataSource fresh() {
        return ArchiveFixture.newDatabase("audit");
    }

    /** What a DBA with superuser rights can do: switch the guard off, change rows, switch it on. */
    static void tamper(HikariDataSource db, String table, String... statements) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table " + table + " disable trigger user");
            for (String sql : statements) {
                s.execute(sql);
            }
            s.execute("alter table " + table + " enable trigger user");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
