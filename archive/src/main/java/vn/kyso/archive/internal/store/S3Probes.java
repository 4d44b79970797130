package vn.kyso.archive.internal.store;

import io.minio.GetBucketVersioningArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.VersioningConfiguration;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/**
 * What the S3 server actually does, found out once by trying it on probe objects rather than
 * trusting what it claims: whether it enforces Object Lock, is versioned, and refuses a put with
 * {@code If-None-Match: *} on an existing key. Only a probe that succeeded is remembered.
 */
final class S3Probes {

    /** Probe objects live under a prefix no valid key can have, so they never show in a listing. */
    static final String PROBE_PREFIX = "KYSO-PROBE/";
    private static final Logger log = LoggerFactory.getLogger(S3Probes.class);

    private final S3Bucket bucket;
    private final Clock clock;
    private volatile ObjectStore.Capabilities capabilities;
    private volatile Boolean conditionalPuts;

    S3Probes(S3Bucket bucket, Clock clock) {
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Which protections the server enforces. With {@code objectLock} this is found out by a probe: a
     * tiny object under {@value #PROBE_PREFIX} retained for two seconds, whose deletion the server must
     * refuse (an enforcing server keeps that probe until the two seconds pass; it is never listed). A
     * probe that fails is an error ({@link Reason#UNAVAILABLE} with the server's answer), never "no
     * Object Lock": that silent answer once hid a client that could not read Ceph RGW's dates.
     */
    ObjectStore.Capabilities capabilities() {
        ObjectStore.Capabilities known = capabilities;
        if (known != null) {
            return known;
        }
        ObjectStore.Capabilities found = S3Errors.call("probe the server", () -> {
            bucket.ensureExists();
            VersioningConfiguration versioning = bucket.client.getBucketVersioning(
                    GetBucketVersioningArgs.builder().bucket(bucket.name()).build());
            boolean versioned = versioning != null && versioning.status() == VersioningConfiguration.Status.ENABLED;
            boolean enforced = bucket.settings.objectLock() && probeObjectLock();
            return new ObjectStore.Capabilities("s3", enforced, versioned);
        });
        capabilities = found;
        return found;
    }

    private boolean probeObjectLock() throws Exception {
        String key = PROBE_PREFIX + UUID.randomUUID();
        bucket.client.putObject(PutObjectArgs.builder()
                .bucket(bucket.name())
                .object(key)
                .data(new byte[0], 0)
                .build());
        ObjectLockRetention.setServerRetention(bucket, key, clock.instant().plusSeconds(2));
        StatObjectResponse stat = bucket.client.statObject(
                StatObjectArgs.builder().bucket(bucket.name()).object(key).build());
        try {
            bucket.client.removeObject(RemoveObjectArgs.builder()
                    .bucket(bucket.name()).object(key).versionId(stat.versionId()).build());
            return false;
        } catch (ErrorResponseException e) {
            return true;
        }
    }

    /**
     * Whether the server refuses a put with {@code If-None-Match: *} on an existing key (S3 since
     * 2024, MinIO, S3Mock). Probed once with two puts of a probe object, which is then deleted.
     */
    boolean conditionalPuts() throws Exception {
        Boolean known = conditionalPuts;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (conditionalPuts == null) {
                String key = PROBE_PREFIX + "conditional-" + UUID.randomUUID();
                byte[] probe = {0};
                bucket.client.putObject(PutObjectArgs.builder().bucket(bucket.name()).object(key)
                        .data(probe, 1)
                        .extraHeaders(Map.of("If-None-Match", "*")).build());
                boolean refused;
                try {
                    bucket.client.putObject(PutObjectArgs.builder().bucket(bucket.name()).object(key)
                            .data(probe, 1)
                            .extraHeaders(Map.of("If-None-Match", "*")).build());
                    refused = false;
                } catch (ErrorResponseException e) {
                    refused = S3Errors.isPreconditionFailed(e);
                    if (!refused) {
                        throw e;
                    }
                }
                try {
                    bucket.client.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(key).build());
                } catch (ErrorResponseException e) {
                    log.debug("probe object {} left behind: {}", key, e.getMessage());
                }
                conditionalPuts = refused;
            }
            return conditionalPuts;
        }
    }
}
