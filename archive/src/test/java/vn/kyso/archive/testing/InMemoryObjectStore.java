package vn.kyso.archive.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;

/**
 * A fake store for the archive service's own tests: the port's contract in memory, plus switches to
 * fail after a number of puts (an outage mid-ingest) and to corrupt an object (for fixity checks).
 */
public final class InMemoryObjectStore implements ObjectStore {

    private record Entry(byte[] content, String contentType, Instant retainUntil, boolean hold) {
    }

    private final Map<String, Entry> objects = new ConcurrentSkipListMap<>();
    private final AtomicInteger putsBeforeOutage = new AtomicInteger(Integer.MAX_VALUE);
    private volatile boolean down;

    /** The next {@code n} puts succeed, then the store is down until {@link #recover()}. */
    public void failAfterPuts(int n) {
        putsBeforeOutage.set(n);
    }

    public void goDown() {
        down = true;
    }

    public void recover() {
        down = false;
        putsBeforeOutage.set(Integer.MAX_VALUE);
    }

    /** Flips one byte of a stored object behind the archive's back. */
    public void corrupt(String key) {
        Entry e = objects.get(key);
        byte[] c = e.content().clone();
        c[c.length / 2] ^= 0x01;
        objects.put(key, new Entry(c, e.contentType(), e.retainUntil(), e.hold()));
    }

    /** Forgets an object's retention, as if the call that set it had been lost. */
    public void dropRetention(String key) {
        Entry e = objects.get(key);
        objects.put(key, new Entry(e.content(), e.contentType(), null, e.hold()));
    }

    public int size() {
        return objects.size();
    }

    private void available() {
        if (down) {
            throw new ObjectStoreException(ObjectStoreException.Reason.UNAVAILABLE, "store down");
        }
    }

    @Override
    public ObjectInfo put(String key, byte[] content, PutOptions options) {
        available();
        if (putsBeforeOutage.getAndDecrement() <= 0) {
            down = true;
            throw new ObjectStoreException(ObjectStoreException.Reason.UNAVAILABLE, "store went down");
        }
        Entry e = new Entry(content.clone(), options.contentType(), options.retainUntil(), false);
        if (objects.putIfAbsent(key, e) != null) {
            throw new ObjectStoreException(ObjectStoreException.Reason.ALREADY_EXISTS, key);
        }
        return info(key, e);
    }

    @Override
    public InputStream open(String key) {
        available();
        Entry e = objects.get(key);
        if (e == null) {
            throw new ObjectStoreException(ObjectStoreException.Reason.NOT_FOUND, key);
        }
        return new ByteArrayInputStream(e.content());
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        available();
        return Optional.ofNullable(objects.get(key)).map(e -> info(key, e));
    }

    @Override
    public List<String> list(String prefix) {
        available();
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(String key) {
        available();
        Entry e = objects.get(key);
        if (e == null) {
            throw new ObjectStoreException(ObjectStoreException.Reason.NOT_FOUND, key);
        }
        if (e.hold() || (e.retainUntil() != null && e.retainUntil().isAfter(Instant.now()))) {
            throw new ObjectStoreException(ObjectStoreException.Reason.RETENTION_ACTIVE, key);
        }
        objects.remove(key);
    }

    @Override
    public void extendRetention(String key, Instant retainUntil) {
        available();
        Entry e = objects.get(key);
        if (e == null) {
            throw new ObjectStoreException(ObjectStoreException.Reason.NOT_FOUND, key);
        }
        if (e.retainUntil() != null && retainUntil.isBefore(e.retainUntil())) {
            throw new ObjectStoreException(ObjectStoreException.Reason.RETENTION_ACTIVE, "cannot shorten");
        }
        objects.put(key, new Entry(e.content(), e.contentType(), retainUntil, e.hold()));
    }

    @Override
    public void setLegalHold(String key, boolean hold) {
        available();
        Entry e = objects.get(key);
        if (e == null) {
            throw new ObjectStoreException(ObjectStoreException.Reason.NOT_FOUND, key);
        }
        objects.put(key, new Entry(e.content(), e.contentType(), e.retainUntil(), hold));
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities("memory", false, false);
    }

    @Override
    public boolean isAvailable() {
        return !down;
    }

    private static ObjectInfo info(String key, Entry e) {
        return new ObjectInfo(key, e.content().length, e.contentType(), e.retainUntil(), e.hold());
    }
}
