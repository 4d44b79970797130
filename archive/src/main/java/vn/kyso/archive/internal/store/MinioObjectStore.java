package vn.kyso.archive.internal.store;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/**
 * Archive objects in an S3-compatible server (MinIO, Ceph RGW, AWS S3) through the MinIO client.
 *
 * <p>Write-once: a put first asks whether the key exists and then sends {@code If-None-Match: *}, so
 * a server with conditional writes (AWS S3 since 2024, MinIO) refuses a racing second writer
 * atomically; within this process puts of one key are also serialised.
 *
 * <p>Retention and legal hold live where the {@link RetentionStrategy} chosen by
 * {@link MinioSettings#objectLock()} keeps them: the server's Object Lock or user metadata. Either
 * way a delete first reads the object's retention and hold and is refused here while they are
 * active, so the guarantee holds even against a server that ignores Object Lock. What the server
 * really enforces is probed by {@link S3Probes}; its answers are classified by {@link S3Errors}.
 */
public final class MinioObjectStore implements ObjectStore {

    private final S3Bucket bucket;
    private final RetentionStrategy retention;
    private final S3Probes probes;
    private final Clock clock;
    private final KeyLocks keyLocks = new KeyLocks();

    public MinioObjectStore(MinioSettings settings) {
        this(settings, Clock.systemUTC());
    }

    MinioObjectStore(MinioSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bucket = new S3Bucket(settings);
        this.retention = RetentionStrategy.of(bucket, clock);
        this.probes = new S3Probes(bucket, clock);
    }

    @Override
    public ObjectInfo put(String key, byte[] content, PutOptions options) {
        StoreRules.requireValidKey(key);
        Objects.requireNonNull(content, "content");
        PutOptions opts = options == null ? new PutOptions(null, null) : options;
        Instant retainUntil = StoreRules.normalizeRetention(opts.retainUntil());
        return keyLocks.withLock(key, () -> S3Errors.call("store " + key, () -> {
            bucket.ensureExists();
            // A server that honours If-None-Match refuses the overwrite itself, atomically; only for one
            // that ignores it is the (racy) look before the put needed.
            if (!probes.conditionalPuts() && bucket.stat(key).isPresent()) {
                throw StoreRules.alreadyExists(key);
            }
            PutObjectArgs.Builder put = PutObjectArgs.builder()
                    .bucket(bucket.name())
                    .object(key)
                    .data(content, content.length)
                    .contentType(opts.contentType())
                    .extraHeaders(Map.of("If-None-Match", "*"));
            boolean check = retention.onPut(put, retainUntil);
            try {
                bucket.client.putObject(put.build());
            } catch (ErrorResponseException e) {
                if (S3Errors.isPreconditionFailed(e)) {
                    throw StoreRules.alreadyExists(key);
                }
                throw e;
            } catch (io.minio.errors.MinioException e) {
                // MinIO 9 wraps the transport's IOException; anything else is not a dropped connection.
                if (!(e.getCause() instanceof java.io.IOException)) {
                    throw e;
                }
                // A pooled connection the server closed (it restarted) fails a put whose body cannot be
                // replayed. Drop the pooled connections and try once more; if the first attempt did land,
                // the object is there with our bytes, which is success, not a conflict.
                bucket.http.connectionPool().evictAll();
                try {
                    bucket.client.putObject(put.data(content, content.length).build());
                } catch (ErrorResponseException again) {
                    if (!S3Errors.isPreconditionFailed(again) || !bucket.hasContent(key, content)) {
                        throw again;
                    }
                }
            }
            if (check) {
                retention.afterPut(key, retainUntil);
            }
            return new ObjectInfo(key, content.length, opts.contentType(), retainUntil, false);
        }));
    }

    @Override
    public InputStream open(String key) {
        StoreRules.requireValidKey(key);
        return S3Errors.call("read " + key, () -> bucket.client.getObject(
                GetObjectArgs.builder().bucket(bucket.name()).object(key).build()));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        StoreRules.requireValidKey(key);
        return S3Errors.call("stat " + key, () -> bucket.stat(key).map(s -> toInfo(key, s)));
    }

    @Override
    public List<String> list(String prefix) {
        String validPrefix = StoreRules.requireValidPrefix(prefix);
        return S3Errors.call("list " + validPrefix, () -> {
            // A fresh deployment's first list (recovery at start-up) may come before any put made the bucket.
            bucket.ensureExists();
            List<String> keys = new ArrayList<>();
            Iterable<Result<Item>> items = bucket.client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket.name())
                    .prefix(validPrefix)
                    .recursive(true)
                    .build());
            for (Result<Item> result : items) {
                Item item = result.get();
                if (!item.isDir() && !item.isDeleteMarker() && StoreRules.isValidKey(item.objectName())) {
                    keys.add(item.objectName());
                }
            }
            keys.sort(null);
            return keys;
        });
    }

    @Override
    public List<String> listPage(String prefix, String startAfter, int max) {
        String validPrefix = StoreRules.requireValidPrefix(prefix);
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return S3Errors.call("list " + validPrefix, () -> {
            bucket.ensureExists();
            List<String> keys = new ArrayList<>();
            ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(bucket.name()).prefix(validPrefix)
                    .recursive(true).maxKeys(Math.min(max, 1000));
            if (startAfter != null) {
                args.startAfter(startAfter);
            }
            // The iterator asks the server for the next page only when read that far: stop at max.
            for (Result<Item> result : bucket.client.listObjects(args.build())) {
                Item item = result.get();
                if (!item.isDir() && !item.isDeleteMarker() && StoreRules.isValidKey(item.objectName())) {
                    keys.add(item.objectName());
                    if (keys.size() == max) {
                        break;
                    }
                }
            }
            return keys;
        });
    }

    @Override
    public void delete(String key) {
        StoreRules.requireValidKey(key);
        keyLocks.withLock(key, () -> S3Errors.call("delete " + key, () -> {
            StatObjectResponse stat = bucket.stat(key).orElseThrow(() -> StoreRules.notFound(key));
            StoreRules.requireDeletable(toInfo(key, stat), clock);
            RemoveObjectArgs.Builder remove = RemoveObjectArgs.builder().bucket(bucket.name()).object(key);
            if (stat.versionId() != null && !"null".equals(stat.versionId())) {
                // Delete the version itself, not just hide it behind a delete marker: this is the
                // request a server with Object Lock checks against the retention.
                remove.versionId(stat.versionId());
            }
            try {
                bucket.client.removeObject(remove.build());
            } catch (ErrorResponseException e) {
                if (S3Errors.isLockRefusal(e)) {
                    throw new ObjectStoreException(Reason.RETENTION_ACTIVE, "The server refused to delete " + key, e);
                }
                throw e;
            }
            return null;
        }));
    }

    @Override
    public void extendRetention(String key, Instant retainUntil) {
        StoreRules.requireValidKey(key);
        keyLocks.withLock(key, () -> S3Errors.call("extend the retention of " + key, () -> {
            StatObjectResponse stat = bucket.stat(key).orElseThrow(() -> StoreRules.notFound(key));
            RetentionStrategy.Protection now = retention.read(key, stat);
            Instant extended = StoreRules.requireExtension(info(key, stat, now), retainUntil);
            if (!extended.equals(now.retainUntil())) {
                retention.extend(key, stat, now, extended);
            }
            return null;
        }));
    }

    @Override
    public void retainNew(String key, Instant retainUntil) {
        Instant until = StoreRules.normalizeRetention(retainUntil);
        // Metadata retention, or a server that takes Object Lock calls without enforcing them (S3Mock), is
        // enforced here from the object's current state: that path needs the look. The probe is cached.
        if (!(retention instanceof ObjectLockRetention) || !probes.capabilities().serverSideObjectLock()
                || until == null || !until.isAfter(clock.instant())) {
            extendRetention(key, retainUntil);
            return;
        }
        StoreRules.requireValidKey(key);
        // One request instead of HEAD + GET retention + PUT retention: the server holds the lock and
        // refuses a shorter COMPLIANCE date itself, so no earlier state has to be read first.
        keyLocks.withLock(key, () -> S3Errors.call("retain " + key, () -> {
            ObjectLockRetention.setServerRetention(bucket, key, until);
            return null;
        }));
    }

    @Override
    public void setLegalHold(String key, boolean hold) {
        StoreRules.requireValidKey(key);
        keyLocks.withLock(key, () -> S3Errors.call("set the legal hold of " + key, () -> {
            StatObjectResponse stat = bucket.stat(key).orElseThrow(() -> StoreRules.notFound(key));
            retention.setLegalHold(key, stat, hold);
            return null;
        }));
    }

    @Override
    public Capabilities capabilities() {
        return probes.capabilities();
    }

    @Override
    public boolean isAvailable() {
        return bucket.isAvailable();
    }

    @Override
    public String toString() {
        return "MinioObjectStore[" + bucket.settings.endpoint() + "/" + bucket.name() + "]";
    }

    private ObjectInfo toInfo(String key, StatObjectResponse stat) {
        return info(key, stat, retention.read(key, stat));
    }

    private static ObjectInfo info(String key, StatObjectResponse stat, RetentionStrategy.Protection protection) {
        String contentType = stat.contentType() == null ? "application/octet-stream" : stat.contentType();
        return new ObjectInfo(key, stat.size(), contentType, protection.retainUntil(), protection.legalHold());
    }
}
