package vn.kyso.access.spi;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.kyso.access.Role;
import vn.kyso.access.SecuritySettings;

/**
 * Where the administrator's changes to access control are kept ({@link JdbcAccessStore}: the application's
 * database). Rows are read whole at start and on each reload; there are few of them.
 */
public interface AccessStore {

    /**
     * An owner the administrator set for a key.
     *
     * @param owner null when the administrator unbound the key
     */
    record OwnerRow(String alias, SecuritySettings.KeyOwner owner, Instant changedAt, String changedBy) {
    }

    /** Whether a key row is an issued key, or the revocation of a configured one. */
    enum Origin { DATABASE, CONFIGURATION }

    /**
     * An API key the administrator issued, or a configured one the administrator revoked.
     *
     * @param keyHash   SHA-256 of the secret, lower-case hex
     * @param issuedAt  null for a configured key
     * @param revokedAt null while the key may be used
     */
    record KeyRow(String id, String keyHash, Origin origin, String principal, String organisation, Set<Role> roles,
            Instant issuedAt, String issuedBy, Instant revokedAt, String revokedBy) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    List<OwnerRow> owners();

    List<KeyRow> keys();

    /** Sets the key's owner (null: unbound), replacing any earlier row for the alias. */
    void saveOwner(OwnerRow row);

    /** Adds a key row; false if an issued key with that id, or any row with that hash, is already there. */
    boolean insertKey(KeyRow row);

    /** Marks an issued key revoked; false if there is no such issued key or it was revoked already. */
    boolean revokeIssued(String id, Instant at, String by);
}
