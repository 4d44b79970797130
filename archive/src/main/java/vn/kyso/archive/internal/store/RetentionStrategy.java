package vn.kyso.archive.internal.store;

import io.minio.PutObjectArgs;
import io.minio.StatObjectResponse;
import java.time.Clock;
import java.time.Instant;

/**
 * Where an S3 store keeps an object's retention and legal hold, chosen by
 * {@link MinioSettings#objectLock()}: the server's S3 Object Lock ({@link ObjectLockRetention}), or
 * user metadata that this store enforces itself ({@link MetadataRetention}). Either way the store
 * refuses a delete itself while they are active, so the guarantee holds even against a server that
 * ignores Object Lock.
 */
sealed interface RetentionStrategy permits ObjectLockRetention, MetadataRetention {

    static RetentionStrategy of(S3Bucket bucket, Clock clock) {
        return bucket.settings.objectLock() ? new ObjectLockRetention(bucket, clock) : new MetadataRetention(bucket);
    }

    /** An object's retention date (null if none) and whether a legal hold is on. */
    record Protection(Instant retainUntil, boolean legalHold) {
    }

    /**
     * Adds the retention to a put.
     *
     * @return whether {@link #afterPut} must check that the server kept it
     */
    boolean onPut(PutObjectArgs.Builder put, Instant retainUntil);

    /** Makes sure the object just put carries the retention {@link #onPut} asked for. */
    void afterPut(String key, Instant retainUntil) throws Exception;

    /** The protection of an object from its HEAD (and, where the HEAD lacks it, from the server). */
    Protection read(String key, StatObjectResponse stat);

    /** Moves the retention to a later date (the caller checked it is later). */
    void extend(String key, StatObjectResponse stat, Protection now, Instant extended) throws Exception;

    /** Sets or lifts the legal hold of an object whose HEAD was just read. */
    void setLegalHold(String key, StatObjectResponse stat, boolean hold) throws Exception;
}
