package vn.kyso.archive.internal.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link MinioObjectStore} reaches an S3-compatible server.
 *
 * @param endpoint the server's base URL, e.g. {@code https://s3.example.gov.vn} or {@code http://127.0.0.1:9000}
 * @param bucket the bucket holding the archive; created on first use if missing
 * @param region the S3 region (servers without regions accept {@code us-east-1})
 * @param accessKey the access key id
 * @param secretKey the secret key; never logged and masked by {@link #toString()}
 * @param objectLock create the bucket with S3 Object Lock and keep retention (COMPLIANCE mode) and
 *     legal holds in the server's Object Lock; when false they are kept in object metadata and only
 *     this adapter enforces them
 * @param connectTimeout bound of a TCP connect
 * @param readTimeout bound of one read from the server
 * @param writeTimeout bound of one write to the server
 */
public record MinioSettings(
        URI endpoint,
        String bucket,
        String region,
        String accessKey,
        String secretKey,
        boolean objectLock,
        Duration connectTimeout,
        Duration readTimeout,
        Duration writeTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    public MinioSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("endpoint must be an http or https URL: " + endpoint);
        }
        // S3 bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens.
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket must be a valid S3 bucket name: " + bucket);
        }
        if (region == null || region.isBlank()) {
            region = "us-east-1";
        }
        if (accessKey == null || accessKey.isBlank()) {
            throw new IllegalArgumentException("accessKey is required");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey is required");
        }
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        readTimeout = positiveOr(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
        writeTimeout = positiveOr(writeTimeout, DEFAULT_WRITE_TIMEOUT, "writeTimeout");
    }

    /** Settings with the default timeouts. */
    public static MinioSettings of(
            URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean objectLock) {
        return new MinioSettings(endpoint, bucket, region, accessKey, secretKey, objectLock, null, null, null);
    }

    /** The same settings with other timeouts. */
    public MinioSettings withTimeouts(Duration connect, Duration read, Duration write) {
        return new MinioSettings(endpoint, bucket, region, accessKey, secretKey, objectLock, connect, read, write);
    }

    @Override
    public String toString() {
        return "MinioSettings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", accessKey=" + accessKey + ", secretKey=****, objectLock=" + objectLock
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + "]";
    }

    private static Duration positiveOr(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
