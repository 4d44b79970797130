package vn.kyso.signing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Chooses the store of prepared signatures on first use: in Spring the database is built after the
 * signing service (the archive's auto-configuration owns it), so it cannot be a constructor argument.
 */
final class LazyPendingStore implements PendingStore {

    private final Supplier<DataSource> database;
    private final Clock clock;
    private final Duration ttl;
    private final long maxBytes;
    private volatile PendingStore store;

    LazyPendingStore(Supplier<DataSource> database, Clock clock, Duration ttl, long maxBytes) {
        this.database = database;
        this.clock = clock;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    @Override
    public Ticket put(PreparedState state, long size) {
        return store().put(state, size);
    }

    @Override
    public PreparedState get(String id, String caller) {
        return store().get(id, caller);
    }

    @Override
    public boolean remove(String id) {
        return store().remove(id);
    }

    private PendingStore store() {
        PendingStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    DataSource db = database.get();
                    store = db == null ? new PendingSignatures(clock, ttl, maxBytes)
                            : new JdbcPendingSignatures(db, clock, ttl, maxBytes);
                }
                s = store;
            }
        }
        return s;
    }
}
