package vn.kyso.archive.internal.store;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectRetentionArgs;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.PutObjectArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.XmlParserException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

/** Retention and legal hold in the server's S3 Object Lock, retention in COMPLIANCE mode. */
final class ObjectLockRetention implements RetentionStrategy {

    private final S3Bucket bucket;
    private final Clock clock;

    ObjectLockRetention(S3Bucket bucket, Clock clock) {
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public boolean onPut(PutObjectArgs.Builder put, Instant retainUntil) {
        // A date already past protects nothing and S3 refuses it.
        if (retainUntil == null || !retainUntil.isAfter(clock.instant())) {
            return false;
        }
        put.retention(new Retention(RetentionMode.COMPLIANCE, retainUntil.atZone(ZoneOffset.UTC)));
        return true;
    }

    @Override
    public void afterPut(String key, Instant retainUntil) throws Exception {
        if (serverRetention(key) == null) {
            // Some servers (S3Mock) ignore the Object Lock headers of a put; set it explicitly.
            setServerRetention(bucket, key, retainUntil);
        }
    }

    @Override
    public Protection read(String key, StatObjectResponse stat) {
        Instant retainUntil = stat.lockRetainUntilDate() != null
                ? stat.lockRetainUntilDate().toInstant()
                : S3Errors.call("read the retention of " + key, () -> serverRetention(key));
        // The client reports "no hold" when the header is missing, so look at the header itself.
        String holdHeader = stat.headers().get("x-amz-object-lock-legal-hold");
        boolean hold = holdHeader != null ? "ON".equalsIgnoreCase(holdHeader) : serverLegalHold(key);
        return new Protection(retainUntil, hold);
    }

    @Override
    public void extend(String key, StatObjectResponse stat, Protection now, Instant extended) throws Exception {
        // A date already past protects nothing and S3 refuses it; nothing to record.
        if (extended.isAfter(clock.instant())) {
            setServerRetention(bucket, key, extended);
        }
    }

    @Override
    public void setLegalHold(String key, StatObjectResponse stat, boolean hold) throws Exception {
        // Set whatever the HEAD says: the server's own hold is the only truth.
        if (hold) {
            bucket.client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
                    .bucket(bucket.name()).object(key).build());
        } else {
            bucket.client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                    .bucket(bucket.name()).object(key).build());
        }
    }

    /** The server's retention of {@code key}, asked for when a HEAD does not carry it (S3Mock). */
    private Instant serverRetention(String key) throws Exception {
        try {
            Retention retention = bucket.client.getObjectRetention(
                    GetObjectRetentionArgs.builder().bucket(bucket.name()).object(key).build());
            return retention == null || retention.retainUntilDate() == null
                    ? null
                    : retention.retainUntilDate().toInstant();
        } catch (ErrorResponseException e) {
            if (S3Errors.isNoLockConfiguration(e)) {
                return null;
            }
            throw e;
        } catch (XmlParserException e) {
            // S3Mock answers 200 with an empty body when an object has a legal hold but no retention.
            return null;
        }
    }

    private boolean serverLegalHold(String key) {
        return S3Errors.call("read the legal hold of " + key, () -> {
            try {
                return bucket.client.isObjectLegalHoldEnabled(
                        IsObjectLegalHoldEnabledArgs.builder().bucket(bucket.name()).object(key).build());
            } catch (ErrorResponseException e) {
                if (S3Errors.isNoLockConfiguration(e)) {
                    return false;
                }
                throw e;
            } catch (XmlParserException e) {
                // S3Mock answers 200 with an empty body when an object has a retention but no hold.
                return false;
            }
        });
    }

    /** Sets COMPLIANCE retention on an object; a refusal because of the lock is RETENTION_ACTIVE. */
    static void setServerRetention(S3Bucket bucket, String key, Instant retainUntil) throws Exception {
        try {
            bucket.client.setObjectRetention(SetObjectRetentionArgs.builder()
                    .bucket(bucket.name())
                    .object(key)
                    .config(new Retention(RetentionMode.COMPLIANCE, retainUntil.atZone(ZoneOffset.UTC)))
                    .build());
        } catch (ErrorResponseException e) {
            if (S3Errors.isLockRefusal(e)) {
                throw new ObjectStoreException(
                        Reason.RETENTION_ACTIVE, "The server refused the retention of " + key, e);
            }
            throw e;
        }
    }
}
