package vn.kyso.access.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kyso.access.spi.AccessStore;

/**
 * The administrator's changes in memory, for controller slices and unit tests; {@code JdbcAccessStore} is
 * tested against PostgreSQL in the api module's {@code AdminEndToEndTest}. Slices share one context, so tests call
 * {@link #reset()}.
 */
public class InMemoryAccessStore implements AccessStore {

    private final Map<String, OwnerRow> owners = new LinkedHashMap<>();
    private final List<KeyRow> keys = new ArrayList<>();
    public RuntimeException failure;

    /** SHA-256 of a secret in lower-case hex, as stores keep API keys. */
    public static String hash(String secret) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void reset() {
        owners.clear();
        keys.clear();
        failure = null;
    }

    @Override
    public synchronized List<OwnerRow> owners() {
        check();
        return List.copyOf(owners.values());
    }

    @Override
    public synchronized List<KeyRow> keys() {
        check();
        return List.copyOf(keys);
    }

    @Override
    public synchronized void saveOwner(OwnerRow row) {
        check();
        owners.put(row.alias(), row);
    }

    @Override
    public synchronized boolean insertKey(KeyRow row) {
        check();
        boolean taken = keys.stream().anyMatch(k -> k.keyHash().equals(row.keyHash())
                || (row.origin() == Origin.DATABASE && k.origin() == Origin.DATABASE && k.id().equals(row.id()))
                || (k.id().equals(row.id()) && k.keyHash().equals(row.keyHash())));
        if (taken) {
            return false;
        }
        keys.add(row);
        return true;
    }

    @Override
    public synchronized boolean revokeIssued(String id, Instant at, String by) {
        check();
        for (int i = 0; i < keys.size(); i++) {
            KeyRow k = keys.get(i);
            if (k.id().equals(id) && k.origin() == Origin.DATABASE && !k.revoked()) {
                keys.set(i, new KeyRow(k.id(), k.keyHash(), k.origin(), k.principal(), k.organisation(), k.roles(),
                        k.issuedAt(), k.issuedBy(), at, by));
                return true;
            }
        }
        return false;
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }
}
