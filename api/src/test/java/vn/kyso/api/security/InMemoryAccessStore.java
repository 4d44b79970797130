package vn.kyso.api.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's changes in memory, for controller slices and unit tests; {@link JdbcAccessStore} is
 * tested against PostgreSQL in {@link AdminEndToEndTest}. Slices share one context, so tests call
 * {@link #reset()}.
 */
class InMemoryAccessStore implements AccessStore {

    private final Map<String, OwnerRow> owners = new LinkedHashMap<>();
    private final List<KeyRow> keys = new ArrayList<>();
    RuntimeException failure;

    synchronized void reset() {
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
