package vn.kyso.archive.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Write-once storage of archive objects (originals, augmented copies, reports, manifests).
 *
 * <p>The contract, checked by one contract test suite against every adapter:
 *
 * <ul>
 *   <li>{@link #put} never overwrites: a second put to the same key fails with {@link
 *       ObjectStoreException.Reason#ALREADY_EXISTS}, so stored originals can't be replaced.
 *   <li>An object with a retention date in the future (or under legal hold) can't be deleted: {@link
 *       #delete} fails with {@link ObjectStoreException.Reason#RETENTION_ACTIVE}. Retention can be
 *       extended, never shortened.
 *   <li>Every failure of the backing store (server down, disk full, timeout) is an {@link
 *       ObjectStoreException} with {@link ObjectStoreException.Reason#UNAVAILABLE}; no adapter
 *       leaks its client library's exceptions.
 * </ul>
 *
 * Keys are relative paths of lower-case letters, digits, {@code . _ -} and {@code /} separators,
 * at most 1,024 characters with segments of at most 200 (a filesystem name limit); empty, {@code .}
 * and {@code ..} segments are refused. Any other key fails with {@link
 * ObjectStoreException.Reason#INVALID_KEY}.
 */
public interface ObjectStore {

    /** Stores {@code content} under {@code key}; fails if the key is already taken. */
    ObjectInfo put(String key, byte[] content, PutOptions options);

    /** Opens the object for reading; the caller closes the stream. */
    InputStream open(String key);

    /** Reads the whole object. */
    default byte[] read(String key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object's size, retention and hold, or empty if there is no such object. */
    Optional<ObjectInfo> stat(String key);

    /** Keys under {@code prefix} (which may be empty), in lexical order. */
    List<String> list(String prefix);

    /**
     * One page of {@link #list}: at most {@code max} keys under {@code prefix} that sort after
     * {@code startAfter} (null: from the start), in lexical order. Adapters over a store that pages
     * (S3 {@code start-after}, {@code max-keys}) override this so a sweep never holds the whole bucket.
     */
    default List<String> listPage(String prefix, String startAfter, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return list(prefix).stream().filter(k -> startAfter == null || k.compareTo(startAfter) > 0).limit(max)
                .toList();
    }

    /** Deletes the object; refused while its retention date lies ahead or it is under legal hold. */
    void delete(String key);

    /** Moves the retention date later; an earlier date is refused. */
    void extendRetention(String key, Instant retainUntil);

    /** Sets or clears a legal hold, which blocks deletion whatever the retention date. */
    void setLegalHold(String key, boolean hold);

    /** What this store enforces itself, for the operator's health page and the docs. */
    Capabilities capabilities();

    /** Whether the store answers right now (a cheap round trip), for health checks. */
    boolean isAvailable();

    /**
     * Sets the first retention of an object this caller has just put without one (ingest's last step).
     * The default is {@link #extendRetention}; a store whose server enforces retention itself may skip
     * the look at the object's current protection (a HEAD and more per object), since nothing can be
     * shortened on an object that has none and the server refuses any shortening anyway.
     */
    default void retainNew(String key, Instant retainUntil) {
        extendRetention(key, retainUntil);
    }

    /** Options of one put. */
    record PutOptions(String contentType, Instant retainUntil) {
        public PutOptions {
            if (contentType == null || contentType.isBlank()) {
                contentType = "application/octet-stream";
            }
        }

        public static PutOptions of(String contentType) {
            return new PutOptions(contentType, null);
        }
    }

    /** What is known about a stored object. {@code retainUntil} is null when none is set. */
    record ObjectInfo(String key, long size, String contentType, Instant retainUntil, boolean legalHold) {}

    /**
     * Which protections the backend enforces on its own, beyond the adapter's own checks.
     *
     * @param serverSideObjectLock the server refuses deletes itself (S3 Object Lock, COMPLIANCE mode)
     * @param versioning the server keeps earlier versions of overwritten or deleted objects
     */
    record Capabilities(String backend, boolean serverSideObjectLock, boolean versioning) {}
}
