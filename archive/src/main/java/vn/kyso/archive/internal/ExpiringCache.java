package vn.kyso.archive.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used map whose entries expire. Hand-written because the archive needs
 * nothing more and a cache library (Caffeine) would be one more dependency for twenty lines.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final int maxEntries;
    private final long ttlNanos;
    private final Map<K, Entry<V>> map;

    ExpiringCache(int maxEntries, Duration ttl) {
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ExpiringCache.this.maxEntries;
            }
        };
    }

    synchronized V get(K key) {
        Entry<V> e = map.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAtNanos() > 0) {
            map.remove(key);
            return null;
        }
        return e.value();
    }

    synchronized void put(K key, V value) {
        map.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    synchronized void remove(K key) {
        map.remove(key);
    }
}
