package vn.kyso.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectRetentionArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.internal.store.MinioObjectStore;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.testing.CephRgw;
import vn.kyso.archive.testing.Letters;
import vn.kyso.signing.SignatureLevel;

/**
 * {@link IngestTest} end to end on the reference S3 server, Ceph RGW with Object Lock, plus the
 * guarantee that matters most: an archived original can't be deleted or its retention shortened
 * even by someone who holds the storage keys and goes straight to S3, around this service.
 */
class IngestOnCephTest extends IngestTest {

    static String bucket;

    @BeforeAll
    static void startStore() {
        CephRgw ceph = CephRgw.shared();
        bucket = "ingest-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;
        start(new MinioObjectStore(MinioSettings.of(ceph.endpoint(), bucket, ceph.region(), ceph.accessKey(),
                ceph.secretKey(), true)));
    }

    @Test
    void anArchivedOriginalIsProtectedByTheServerAgainstDirectS3Requests() throws Exception {
        byte[] letter = Letters.signed(SignatureLevel.B_LTA);
        RecordDetails r = archive.ingest(new IngestRequest("cong-van-ceph.pdf", letter, null,
                Letters.metadata("88/UBND-VP", "Lưu trữ trên Ceph"), "van-thu"));
        String key = JdbcClient.create(db)
                .sql("select object_key from record_object where record_id = ?::uuid and role = 'original'")
                .param(r.id()).query(String.class).single();
        assertThat(store.capabilities().serverSideObjectLock()).isTrue();
        Instant retainUntil = store.stat(key).orElseThrow().retainUntil();
        assertThat(retainUntil).as("the original is retained").isAfter(Instant.now());

        CephRgw ceph = CephRgw.shared();
        MinioClient raw = MinioClient.builder().endpoint(ceph.endpoint().toString()).region(ceph.region())
                .credentials(ceph.accessKey(), ceph.secretKey()).build();
        String versionId = raw.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).versionId();
        Retention onServer = raw.getObjectRetention(
                GetObjectRetentionArgs.builder().bucket(bucket).object(key).versionId(versionId).build());
        assertThat(onServer.mode()).isEqualTo(RetentionMode.COMPLIANCE);
        assertThat(onServer.retainUntilDate().toInstant()).isEqualTo(retainUntil);

        assertThatThrownBy(() -> raw.removeObject(
                        RemoveObjectArgs.builder().bucket(bucket).object(key).versionId(versionId).build()))
                .as("deleting the retained version").isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> raw.setObjectRetention(SetObjectRetentionArgs.builder()
                        .bucket(bucket).object(key).versionId(versionId)
                        .config(new Retention(RetentionMode.COMPLIANCE,
                                Instant.now().plus(Duration.ofDays(1)).atZone(ZoneOffset.UTC)))
                        .build()))
                .as("shortening the retention").isInstanceOf(ErrorResponseException.class);
        // A delete without a version id only hides the object behind a delete marker; the retained
        // version stays, readable by version id, and the server's retention is unchanged.
        raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        try (var in = raw.getObject(io.minio.GetObjectArgs.builder().bucket(bucket).object(key)
                .versionId(versionId).build())) {
            assertThat(in.readAllBytes()).isEqualTo(letter);
        }
        assertThat(raw.getObjectRetention(GetObjectRetentionArgs.builder().bucket(bucket).object(key)
                .versionId(versionId).build()).retainUntilDate().toInstant()).isEqualTo(retainUntil);
    }
}
