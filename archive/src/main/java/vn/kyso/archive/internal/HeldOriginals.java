package vn.kyso.archive.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The originals of accepted ingests still queued in this process, kept in memory so the background
 * worker does not read back from the store what it was handed a moment ago (a GET and a digest per
 * record on the bulk path). Bounded by bytes: past the bound, or for a record another instance or the
 * recovery job processes, the worker reads the stored original and verifies it as before.
 */
final class HeldOriginals {

    /** Enough for a few hundred one-page letters queued; a large document is simply read back. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Map<UUID, byte[]> held = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    HeldOriginals(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Holds the original of a record just accepted, unless that would pass the bound. */
    void hold(UUID id, byte[] content) {
        if (bytes.addAndGet(content.length) > maxBytes) {
            bytes.addAndGet(-content.length);
            return;
        }
        if (held.putIfAbsent(id, content) != null) {
            bytes.addAndGet(-content.length);
        }
    }

    /** The held original of a record, handed out once; null if it was not held. */
    byte[] take(UUID id) {
        byte[] content = held.remove(id);
        if (content != null) {
            bytes.addAndGet(-content.length);
        }
        return content;
    }
}
