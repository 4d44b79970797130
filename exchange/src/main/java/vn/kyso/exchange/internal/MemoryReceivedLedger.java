package vn.kyso.exchange.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger in this instance's memory, for a service without a database; after a restart a replay of
 * the same bytes is still caught by the archive, which refuses bytes it already holds (docs/edxml.md).
 */
final class MemoryReceivedLedger implements ReceivedLedger {

    private static final Entry PENDING = new Entry(Instant.EPOCH, List.of());

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String key) {
        return entries.putIfAbsent(key, PENDING) == null;
    }

    @Override
    public void complete(String key, Instant at, List<String> records) {
        entries.put(key, new Entry(at, records));
    }

    @Override
    public void release(String key) {
        entries.remove(key, PENDING);
    }

    @Override
    public Entry get(String key) {
        Entry e = entries.get(key);
        return e == PENDING ? null : e;
    }
}
