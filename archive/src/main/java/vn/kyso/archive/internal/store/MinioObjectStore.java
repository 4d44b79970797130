package vn.kyso.archive.internal.store;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.SourceObject;
import io.minio.StatObjectResponse;
import io.minio.Directive;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.XmlParserException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
 * <p>Retention and legal hold live in one of two places, chosen by {@link MinioSettings#objectLock()}:
 *
 * <ul>
 *   <li>{@code true}: in the server's S3 Object Lock (bucket created with Object Lock, retention in
 *       COMPLIANCE mode), so a server that enforces it refuses deletes on its own;
 *   <li>{@code false}: in user metadata ({@code x-amz-meta-kyso-retain-until}, {@code
 *       x-amz-meta-kyso-legal-hold}). S3 can't change metadata in place, so a change is a copy of
 *       the object onto itself with replaced metadata, conditional on the ETag just read.
 * </ul>
 *
 * Either way a delete first reads the object's retention and hold and is refused here while they
 * are active, so the guarantee holds even against a server that ignores Object Lock.
 */
public final class MinioObjectStore implements ObjectStore {

    static final String META_RETAIN_UNTIL = "kyso-retain-until";
    static final String META_LEGAL_HOLD = "kyso-legal-hold";

    /** Probe objects live under a prefix no valid key can have, so they never show in {@link #list}. */
    static final String PROBE_PREFIX = "KYSO-PROBE/";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MinioObjectStore.class);

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final MinioSettings settings;
    private final MinioClient client;
    private final MinioClient healthClient;
    private final Clock clock;
    private final KeyLocks keyLocks = new KeyLocks();
    private volatile boolean bucketReady;
    private volatile Capabilities capabilities;

    public MinioObjectStore(MinioSettings settings) {
        this(settings, Clock.systemUTC());
    }

    MinioObjectStore(MinioSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = newClient(settings);
        client.setTimeout(
                settings.connectTimeout().toMillis(),
                settings.writeTimeout().toMillis(),
                settings.readTimeout().toMillis());
        this.healthClient = newClient(settings);
        long health = Math.min(HEALTH_TIMEOUT.toMillis(), settings.connectTimeout().toMillis());
        healthClient.setTimeout(health, health, health);
    }

    /** One connection pool for both clients, so a restart of the server can be forgotten at once. */
    private final okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().build();

    private MinioClient newClient(MinioSettings settings) {
        return MinioClient.builder()
                .httpClient(http)
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
    }

    @Override
    public ObjectInfo put(String key, byte[] content, PutOptions options) {
        StoreRules.requireValidKey(key);
        Objects.requireNonNull(content, "content");
        PutOptions opts = options == null ? new PutOptions(null, null) : options;
        Instant retainUntil = StoreRules.normalizeRetention(opts.retainUntil());
        return keyLocks.withLock(key, () -> call("store " + key, () -> {
            ensureBucket();
            // A server that honours If-None-Match refuses the overwrite itself, atomically; only for one
            // that ignores it is the (racy) look before the put needed.
            if (!conditionalPuts() && statResponse(key).isPresent()) {
                throw StoreRules.alreadyExists(key);
            }
            PutObjectArgs.Builder put = PutObjectArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .data(content, content.length)
                    .contentType(opts.contentType())
                    .extraHeaders(Map.of("If-None-Match", "*"));
            boolean lockRetention = settings.objectLock() && isFuture(retainUntil);
            if (lockRetention) {
                put.retention(new Retention(RetentionMode.COMPLIANCE, utc(retainUntil)));
            } else if (!settings.objectLock() && retainUntil != null) {
                put.userMetadata(Map.of(META_RETAIN_UNTIL, retainUntil.toString()));
            }
            try {
                client.putObject(put.build());
            } catch (ErrorResponseException e) {
                if (isPreconditionFailed(e)) {
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
                // the object is there with our bytes (single-part ETag = MD5 of the content), which is
                // success, not a conflict.
                http.connectionPool().evictAll();
                try {
                    client.putObject(put.data(content, content.length).build());
                } catch (ErrorResponseException again) {
                    if (!isPreconditionFailed(again) || !sameContent(key, content)) {
                        throw again;
                    }
                }
            }
            if (lockRetention && serverRetention(key) == null) {
                // Some servers (S3Mock) ignore the Object Lock headers of a put; set it explicitly.
                setServerRetention(key, retainUntil);
            }
            return new ObjectInfo(key, content.length, opts.contentType(), retainUntil, false);
        }));
    }

    @Override
    public InputStream open(String key) {
        StoreRules.requireValidKey(key);
        return call("read " + key, () -> client.getObject(
                GetObjectArgs.builder().bucket(settings.bucket()).object(key).build()));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        StoreRules.requireValidKey(key);
        return call("stat " + key, () -> statResponse(key).map(s -> toInfo(key, s)));
    }

    @Override
    public List<String> list(String prefix) {
        String validPrefix = StoreRules.requireValidPrefix(prefix);
        return call("list " + validPrefix, () -> {
            List<String> keys = new ArrayList<>();
            Iterable<Result<Item>> items = client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket())
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
    public void delete(String key) {
        StoreRules.requireValidKey(key);
        keyLocks.withLock(key, () -> call("delete " + key, () -> {
            StatObjectResponse stat = statResponse(key).orElseThrow(() -> StoreRules.notFound(key));
            StoreRules.requireDeletable(toInfo(key, stat), clock);
            RemoveObjectArgs.Builder remove = RemoveObjectArgs.builder().bucket(settings.bucket()).object(key);
            if (stat.versionId() != null && !"null".equals(stat.versionId())) {
                // Delete the version itself, not just hide it behind a delete marker: this is the
                // request a server with Object Lock checks against the retention.
                remove.versionId(stat.versionId());
            }
            try {
                client.removeObject(remove.build());
            } catch (ErrorResponseException e) {
                if (isLockRefusal(e)) {
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
        keyLocks.withLock(key, () -> call("extend the retention of " + key, () -> {
            StatObjectResponse stat = statResponse(key).orElseThrow(() -> StoreRules.notFound(key));
            ObjectInfo info = toInfo(key, stat);
            Instant extended = StoreRules.requireExtension(info, retainUntil);
            if (extended.equals(info.retainUntil())) {
                return null;
            }
            if (settings.objectLock()) {
                // A date already past protects nothing and S3 refuses it; nothing to record.
                if (isFuture(extended)) {
                    setServerRetention(key, extended);
                }
            } else {
                replaceMetadata(key, stat, extended, info.legalHold());
            }
            return null;
        }));
    }

    @Override
    public void setLegalHold(String key, boolean hold) {
        StoreRules.requireValidKey(key);
        keyLocks.withLock(key, () -> call("set the legal hold of " + key, () -> {
            StatObjectResponse stat = statResponse(key).orElseThrow(() -> StoreRules.notFound(key));
            if (settings.objectLock()) {
                if (hold) {
                    client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
                            .bucket(settings.bucket()).object(key).build());
                } else {
                    client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                            .bucket(settings.bucket()).object(key).build());
                }
            } else {
                ObjectInfo info = toInfo(key, stat);
                if (info.legalHold() != hold) {
                    replaceMetadata(key, stat, info.retainUntil(), hold);
                }
            }
            return null;
        }));
    }

    /**
     * Which protections the server enforces. With {@code objectLock} this is found out once by a
     * probe: a tiny object under {@value #PROBE_PREFIX} retained for two seconds, whose deletion the
     * server must refuse (an enforcing server keeps that probe until the two seconds pass; it is
     * never listed). A probe that fails is an error ({@link Reason#UNAVAILABLE} with the server's
     * answer), never "no Object Lock": that silent answer once hid a client that could not read Ceph
     * RGW's dates. Only a probe that succeeded is remembered.
     */
    @Override
    public Capabilities capabilities() {
        Capabilities known = capabilities;
        if (known != null) {
            return known;
        }
        {
            Capabilities found = call("probe the server", () -> {
                ensureBucket();
                VersioningConfiguration versioning = client.getBucketVersioning(
                        GetBucketVersioningArgs.builder().bucket(settings.bucket()).build());
                boolean versioned = versioning != null
                        && versioning.status() == VersioningConfiguration.Status.ENABLED;
                boolean enforced = settings.objectLock() && probeObjectLock();
                return new Capabilities("s3", enforced, versioned);
            });
            capabilities = found;
            return found;
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            return healthClient.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "MinioObjectStore[" + settings.endpoint() + "/" + settings.bucket() + "]";
    }

    private boolean probeObjectLock() throws Exception {
        String key = PROBE_PREFIX + UUID.randomUUID();
        client.putObject(PutObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .data(new byte[0], 0)
                .build());
        setServerRetention(key, clock.instant().plusSeconds(2));
        StatObjectResponse stat = client.statObject(
                StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
        try {
            client.removeObject(RemoveObjectArgs.builder()
                    .bucket(settings.bucket()).object(key).versionId(stat.versionId()).build());
            return false;
        } catch (ErrorResponseException e) {
            return true;
        }
    }

    private volatile Boolean conditionalPuts;

    /**
     * Whether the server refuses a put with {@code If-None-Match: *} on an existing key (S3 since
     * 2024, MinIO, S3Mock). Probed once with two puts of a probe object, which is then deleted.
     */
    private boolean conditionalPuts() throws Exception {
        Boolean known = conditionalPuts;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (conditionalPuts == null) {
                String key = PROBE_PREFIX + "conditional-" + UUID.randomUUID();
                byte[] probe = {0};
                PutObjectArgs first = PutObjectArgs.builder().bucket(settings.bucket()).object(key)
                        .data(probe, 1)
                        .extraHeaders(Map.of("If-None-Match", "*")).build();
                client.putObject(first);
                boolean refused;
                try {
                    client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key)
                            .data(probe, 1)
                            .extraHeaders(Map.of("If-None-Match", "*")).build());
                    refused = false;
                } catch (ErrorResponseException e) {
                    refused = isPreconditionFailed(e);
                    if (!refused) {
                        throw e;
                    }
                }
                try {
                    client.removeObject(io.minio.RemoveObjectArgs.builder().bucket(settings.bucket()).object(key)
                            .build());
                } catch (ErrorResponseException e) {
                    log.debug("probe object {} left behind: {}", key, e.getMessage());
                }
                conditionalPuts = refused;
            }
            return conditionalPuts;
        }
    }

    private void ensureBucket() throws Exception {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder()
                            .bucket(settings.bucket())
                            .region(settings.region())
                            .objectLock(settings.objectLock())
                            .build());
                } catch (ErrorResponseException e) {
                    String code = e.errorResponse().code();
                    if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                        throw e;
                    }
                }
            }
            bucketReady = true;
        }
    }

    private Optional<StatObjectResponse> statResponse(String key) throws Exception {
        ensureBucket();
        try {
            return Optional.of(client.statObject(
                    StatObjectArgs.builder().bucket(settings.bucket()).object(key).build()));
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private ObjectInfo toInfo(String key, StatObjectResponse stat) {
        String contentType = stat.contentType() == null ? "application/octet-stream" : stat.contentType();
        Instant retainUntil;
        boolean hold;
        if (settings.objectLock()) {
            retainUntil = stat.lockRetainUntilDate() != null
                    ? stat.lockRetainUntilDate().toInstant()
                    : uncheckedServerRetention(key);
            // The client reports "no hold" when the header is missing, so look at the header itself.
            String holdHeader = stat.headers().get("x-amz-object-lock-legal-hold");
            hold = holdHeader != null ? "ON".equalsIgnoreCase(holdHeader) : uncheckedServerLegalHold(key);
        } else {
            Map<String, String> meta = lowerCaseKeys(stat.userMetadata());
            String retain = meta.get(META_RETAIN_UNTIL);
            retainUntil = retain == null || retain.isEmpty() ? null : Instant.parse(retain);
            hold = Boolean.parseBoolean(meta.get(META_LEGAL_HOLD));
        }
        return new ObjectInfo(key, stat.size(), contentType, retainUntil, hold);
    }

    /** The server's retention of {@code key}, asked for when a HEAD does not carry it (S3Mock). */
    private Instant serverRetention(String key) throws Exception {
        try {
            Retention retention = client.getObjectRetention(
                    GetObjectRetentionArgs.builder().bucket(settings.bucket()).object(key).build());
            return retention == null || retention.retainUntilDate() == null
                    ? null
                    : retention.retainUntilDate().toInstant();
        } catch (ErrorResponseException e) {
            if (isNoLockConfiguration(e)) {
                return null;
            }
            throw e;
        } catch (XmlParserException e) {
            // S3Mock answers 200 with an empty body when an object has a legal hold but no retention.
            return null;
        }
    }

    private Instant uncheckedServerRetention(String key) {
        return call("read the retention of " + key, () -> serverRetention(key));
    }

    private boolean uncheckedServerLegalHold(String key) {
        return call("read the legal hold of " + key, () -> {
            try {
                return client.isObjectLegalHoldEnabled(
                        IsObjectLegalHoldEnabledArgs.builder().bucket(settings.bucket()).object(key).build());
            } catch (ErrorResponseException e) {
                if (isNoLockConfiguration(e)) {
                    return false;
                }
                throw e;
            } catch (XmlParserException e) {
                // S3Mock answers 200 with an empty body when an object has a retention but no hold.
                return false;
            }
        });
    }

    private void setServerRetention(String key, Instant retainUntil) throws Exception {
        try {
            client.setObjectRetention(SetObjectRetentionArgs.builder()
                    .bucket(settings.bucket())
                    .object(key)
                    .config(new Retention(RetentionMode.COMPLIANCE, utc(retainUntil)))
                    .build());
        } catch (ErrorResponseException e) {
            if (isLockRefusal(e)) {
                throw new ObjectStoreException(
                        Reason.RETENTION_ACTIVE, "The server refused the retention of " + key, e);
            }
            throw e;
        }
    }

    /**
     * Replaces the user metadata by copying the object onto itself. The copy is conditional on the
     * ETag just read, so a concurrent change from another process fails instead of being lost.
     */
    private void replaceMetadata(String key, StatObjectResponse stat, Instant retainUntil, boolean hold)
            throws Exception {
        Map<String, String> meta = new HashMap<>(lowerCaseKeys(stat.userMetadata()));
        meta.remove(META_RETAIN_UNTIL);
        meta.remove(META_LEGAL_HOLD);
        if (retainUntil != null) {
            meta.put(META_RETAIN_UNTIL, retainUntil.toString());
        }
        // Always written, so the replaced metadata is never empty: S3Mock (like older S3 rules) refuses
        // a copy onto itself that changes nothing.
        meta.put(META_LEGAL_HOLD, Boolean.toString(hold));
        String contentType = stat.contentType() == null ? "application/octet-stream" : stat.contentType();
        client.copyObject(CopyObjectArgs.builder()
                .bucket(settings.bucket())
                .object(key)
                .source(SourceObject.builder()
                        .bucket(settings.bucket())
                        .object(key)
                        .matchETag(stat.etag())
                        .build())
                .metadataDirective(Directive.REPLACE)
                .headers(Map.of("Content-Type", contentType))
                .userMetadata(meta)
                .build());
    }

    private static Map<String, String> lowerCaseKeys(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> lower = new HashMap<>();
        if (entries != null) {
            entries.forEach(e -> lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }
        return lower;
    }

    private boolean isFuture(Instant instant) {
        return instant != null && instant.isAfter(clock.instant());
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    private static boolean isNotFound(ErrorResponseException e) {
        String code = e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NoSuchVersion".equals(code)
                || "NotFound".equals(code) && e.response() != null && e.response().code() == 404
                        && !isNoLockConfiguration(e);
    }

    private static boolean isNoLockConfiguration(ErrorResponseException e) {
        String code = e.errorResponse().code();
        String message = e.errorResponse().message();
        // AWS: NoSuchObjectLockConfiguration; Ceph RGW: ObjectLockConfigurationNotFoundError (an object
        // of a locked bucket that has no retention or no hold of its own).
        return "NoSuchObjectLockConfiguration".equals(code) || "ObjectLockConfigurationNotFoundError".equals(code)
                || (message != null && message.contains("does not have a ObjectLock configuration"));
    }

    private boolean sameContent(String key, byte[] content) throws Exception {
        Optional<StatObjectResponse> stat = statResponse(key);
        if (stat.isEmpty() || stat.get().etag() == null) {
            return false;
        }
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
        return stat.get().etag().replace("\"", "").equalsIgnoreCase(md5);
    }

    private static boolean isPreconditionFailed(ErrorResponseException e) {
        return "PreconditionFailed".equals(e.errorResponse().code())
                || (e.response() != null && e.response().code() == 412);
    }

    /** The server refused because of Object Lock (MinIO: "Object is WORM protected"; S3: AccessDenied). */
    private static boolean isLockRefusal(ErrorResponseException e) {
        String message = String.valueOf(e.errorResponse().message()).toLowerCase(Locale.ROOT);
        return message.contains("worm") || message.contains("retention") || message.contains("locked");
    }

    /** Runs one client call, turning every failure that is not already ours into UNAVAILABLE. */
    private <T> T call(String what, ClientCall<T> action) {
        try {
            return action.run();
        } catch (ObjectStoreException e) {
            throw e;
        } catch (ErrorResponseException e) {
            if (isNotFound(e)) {
                throw new ObjectStoreException(Reason.NOT_FOUND, "Can't " + what + ": no such object", e);
            }
            throw new ObjectStoreException(
                    Reason.UNAVAILABLE, "Can't " + what + ": the server answered " + e.errorResponse().code(), e);
        } catch (Exception e) {
            // IOException (refused, timeout), the client's other checked exceptions and any runtime
            // failure of OkHttp or Kotlin: none may leak through the port.
            throw new ObjectStoreException(Reason.UNAVAILABLE, "Can't " + what + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @FunctionalInterface
    private interface ClientCall<T> {
        T run() throws Exception;
    }
}
