package vn.kyso.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.access.AccessException;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;
import vn.kyso.access.spi.AccessStore;
import vn.kyso.core.schema.ModuleSchema;

/**
 * The administrator's changes in the application's database (the archive's catalogue database), with their
 * own tables and Flyway history ({@code db/kyso-access}, {@code kyso_access_schema_history}).
 */
public final class JdbcAccessStore implements AccessStore {

    private static final String KEY_COLUMNS = "id, key_hash, origin, principal, organisation, roles, issued_at, "
            + "issued_by, revoked_at, revoked_by";

    private final JdbcClient jdbc;

    public JdbcAccessStore(DataSource dataSource) {
        migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
    }

    public static void migrate(DataSource dataSource) {
        try {
            // Version 0 as baseline: the schema already holds the archive's tables, and V1 must still run.
            ModuleSchema.of("access").migrate(dataSource);
        } catch (RuntimeException e) {
            throw AccessException.storeUnavailable(e);
        }
    }

    @Override
    public List<OwnerRow> owners() {
        return call(() -> jdbc.sql("select alias, person, organisation, changed_at, changed_by "
                + "from kyso_access_key_owner order by alias").query((rs, n) -> {
                    String person = rs.getString("person");
                    String organisation = rs.getString("organisation");
                    SecuritySettings.KeyOwner owner = person == null && organisation == null ? null
                            : new SecuritySettings.KeyOwner(person, organisation);
                    return new OwnerRow(rs.getString("alias"), owner, instant(rs, "changed_at"),
                            rs.getString("changed_by"));
                }).list());
    }

    @Override
    public List<KeyRow> keys() {
        return call(() -> jdbc.sql("select " + KEY_COLUMNS + " from kyso_access_api_key order by id, issued_at")
                .query(JdbcAccessStore::key).list());
    }

    @Override
    public void saveOwner(OwnerRow row) {
        SecuritySettings.KeyOwner owner = row.owner();
        call(() -> jdbc.sql("insert into kyso_access_key_owner (alias, person, organisation, changed_at, changed_by) "
                        + "values (?, ?, ?, ?, ?) on conflict (alias) do update set person = excluded.person, "
                        + "organisation = excluded.organisation, changed_at = excluded.changed_at, "
                        + "changed_by = excluded.changed_by")
                .params(row.alias(), owner == null ? null : owner.person(), owner == null ? null : owner.organisation(),
                        Timestamp.from(row.changedAt()), row.changedBy())
                .update());
    }

    @Override
    public boolean insertKey(KeyRow row) {
        try {
            return jdbc.sql("insert into kyso_access_api_key (" + KEY_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(row.id(), row.keyHash(), row.origin().name(), row.principal(), row.organisation(),
                            roles(row.roles()), timestamp(row.issuedAt()), row.issuedBy(), timestamp(row.revokedAt()),
                            row.revokedBy())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (DataAccessException e) {
            throw AccessException.storeUnavailable(e);
        }
    }

    @Override
    public boolean revokeIssued(String id, Instant at, String by) {
        return call(() -> jdbc.sql("update kyso_access_api_key set revoked_at = ?, revoked_by = ? "
                        + "where id = ? and origin = 'DATABASE' and revoked_at is null")
                .params(Timestamp.from(at), by, id).update() == 1);
    }

    private static KeyRow key(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : rs.getString("roles").split(",")) {
            Role.parse(name).ifPresent(roles::add);
        }
        return new KeyRow(rs.getString("id"), rs.getString("key_hash"), Origin.valueOf(rs.getString("origin")),
                rs.getString("principal"), rs.getString("organisation"), roles, instant(rs, "issued_at"),
                rs.getString("issued_by"), instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw AccessException.storeUnavailable(e);
        }
    }
}
