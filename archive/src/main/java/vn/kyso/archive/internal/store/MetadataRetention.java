package vn.kyso.archive.internal.store;

import io.minio.CopyObjectArgs;
import io.minio.Directive;
import io.minio.PutObjectArgs;
import io.minio.SourceObject;
import io.minio.StatObjectResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Retention and legal hold in user metadata ({@code x-amz-meta-kyso-retain-until}, {@code
 * x-amz-meta-kyso-legal-hold}), for servers without Object Lock. S3 can't change metadata in place,
 * so a change is a copy of the object onto itself with replaced metadata, conditional on the ETag
 * just read.
 */
final class MetadataRetention implements RetentionStrategy {

    static final String META_RETAIN_UNTIL = "kyso-retain-until";
    static final String META_LEGAL_HOLD = "kyso-legal-hold";

    private final S3Bucket bucket;

    MetadataRetention(S3Bucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public boolean onPut(PutObjectArgs.Builder put, Instant retainUntil) {
        if (retainUntil != null) {
            put.userMetadata(Map.of(META_RETAIN_UNTIL, retainUntil.toString()));
        }
        return false;
    }

    @Override
    public void afterPut(String key, Instant retainUntil) {
        // The metadata went with the put itself.
    }

    @Override
    public Protection read(String key, StatObjectResponse stat) {
        Map<String, String> meta = lowerCaseKeys(stat.userMetadata());
        String retain = meta.get(META_RETAIN_UNTIL);
        return new Protection(retain == null || retain.isEmpty() ? null : Instant.parse(retain),
                Boolean.parseBoolean(meta.get(META_LEGAL_HOLD)));
    }

    @Override
    public void extend(String key, StatObjectResponse stat, Protection now, Instant extended) throws Exception {
        replaceMetadata(key, stat, extended, now.legalHold());
    }

    @Override
    public void setLegalHold(String key, StatObjectResponse stat, boolean hold) throws Exception {
        Protection now = read(key, stat);
        // No copy when nothing changes.
        if (now.legalHold() != hold) {
            replaceMetadata(key, stat, now.retainUntil(), hold);
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
        bucket.client.copyObject(CopyObjectArgs.builder()
                .bucket(bucket.name())
                .object(key)
                .source(SourceObject.builder()
                        .bucket(bucket.name())
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
}
