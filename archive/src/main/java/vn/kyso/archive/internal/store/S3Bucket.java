package vn.kyso.archive.internal.store;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bucket the store writes to, through the MinIO client: the clients and their shared connection
 * pool, creating the bucket on first use, and looking at one object.
 */
final class S3Bucket {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    final MinioSettings settings;
    /**
     * Requests to the one endpoint at once: the MinIO client sends every request through OkHttp's
     * dispatcher ({@code enqueue}), whose default of five per host queued a bulk ingest's puts and
     * retention calls behind each other (eighth session, docs/benchmarks.md).
     */
    static final int MAX_REQUESTS = 64;
    /** One connection pool for both clients, so a restart of the server can be forgotten at once. */
    final okhttp3.OkHttpClient http = newHttp();
    final MinioClient client;
    /** Short timeouts: a health check must answer quickly, whatever the requests' timeouts are. */
    final MinioClient healthClient;
    private volatile boolean ready;

    S3Bucket(MinioSettings settings) {
        this.settings = settings;
        this.client = newClient();
        client.setTimeout(settings.connectTimeout().toMillis(), settings.writeTimeout().toMillis(),
                settings.readTimeout().toMillis());
        this.healthClient = newClient();
        long health = Math.min(HEALTH_TIMEOUT.toMillis(), settings.connectTimeout().toMillis());
        healthClient.setTimeout(health, health, health);
    }

    private static okhttp3.OkHttpClient newHttp() {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
        // As many idle connections kept as requests run at once: past OkHttp's default of five, each burst
        // of parallel puts opened and closed connections again.
        return new okhttp3.OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new okhttp3.ConnectionPool(MAX_REQUESTS / 2, 5, java.util.concurrent.TimeUnit.MINUTES))
                .build();
    }

    private MinioClient newClient() {
        return MinioClient.builder()
                .httpClient(http)
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
    }

    String name() {
        return settings.bucket();
    }

    /** Creates the bucket (with Object Lock when configured) unless it exists; once per process. */
    void ensureExists() throws Exception {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
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
                    if (!S3Errors.isBucketAlreadyOurs(e)) {
                        throw e;
                    }
                }
            }
            ready = true;
        }
    }

    /** The object's HEAD, or empty if there is none. */
    Optional<StatObjectResponse> stat(String key) throws Exception {
        ensureExists();
        try {
            return Optional.of(client.statObject(
                    StatObjectArgs.builder().bucket(settings.bucket()).object(key).build()));
        } catch (ErrorResponseException e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether the object holds exactly these bytes (single-part ETag = MD5 of the content). */
    boolean hasContent(String key, byte[] content) throws Exception {
        Optional<StatObjectResponse> stat = stat(key);
        if (stat.isEmpty() || stat.get().etag() == null) {
            return false;
        }
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        return stat.get().etag().replace("\"", "").equalsIgnoreCase(md5);
    }

    boolean isAvailable() {
        try {
            return healthClient.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build());
        } catch (Exception e) {
            return false;
        }
    }
}
