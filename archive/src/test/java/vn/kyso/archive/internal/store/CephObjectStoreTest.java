package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Retention;
import io.minio.messages.RetentionMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.testing.CephRgw;

/**
 * The contract against the reference server, Ceph RGW, with the bucket under S3 Object Lock. Unlike
 * S3Mock, RGW enforces COMPLIANCE retention and legal holds itself, so here the server refuses what
 * the adapter would also refuse, and a client that goes around the adapter is refused too.
 */
class CephObjectStoreTest extends ObjectStoreContractTest {

    static final String BUCKET = "kyso-ceph-locked";

    static MinioSettings settings(String bucket) {
        CephRgw ceph = CephRgw.shared();
        return MinioSettings.of(ceph.endpoint(), bucket, ceph.region(), ceph.accessKey(), ceph.secretKey(), true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    /** A plain MinIO client with the same keys: what anyone holding the storage keys could send. */
    static MinioClient raw() {
        CephRgw ceph = CephRgw.shared();
        return MinioClient.builder()
                .endpoint(ceph.endpoint().toString())
                .region(ceph.region())
                .credentials(ceph.accessKey(), ceph.secretKey())
                .build();
    }

    @Override
    protected ObjectStore newStore() {
        return new MinioObjectStore(settings(BUCKET));
    }

    @Test
    void probeFindsObjectLockEnforcedAndVersioningOn() {
        ObjectStore.Capabilities capabilities = store.capabilities();
        assertThat(capabilities.backend()).isEqualTo("s3");
        assertThat(capabilities.serverSideObjectLock()).isTrue();
        // S3 turns versioning on for a bucket created with Object Lock; RGW does the same.
        assertThat(capabilities.versioning()).isTrue();
    }

    /** A fresh deployment's recovery at start-up lists before anything was stored (ThreeInstancesTest found it). */
    @Test
    void aBucketNothingWasStoredInYetListsEmpty() {
        MinioObjectStore fresh = new MinioObjectStore(settings("kyso-fresh-" + System.nanoTime() % 1_000_000_000L));
        assertThat(fresh.list("records/")).isEmpty();
        assertThat(fresh.listPage("records/", null, 10)).isEmpty();
    }

    @Test
    void statReadsTheServersNanosecondRetentionDate() {
        Instant until = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store.put(ns + "dated", new byte[] {7}, new PutOptions("application/pdf", until));
        assertThat(store.stat(ns + "dated")).get().satisfies(info -> {
            assertThat(info.retainUntil()).isEqualTo(until);
            assertThat(info.legalHold()).isFalse();
        });
    }

    @Test
    void theServerItselfRefusesToDeleteOrShortenARetainedVersion() throws Exception {
        Instant until = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store.put(ns + "kept", new byte[] {1, 2, 3}, new PutOptions("application/pdf", until));
        MinioClient raw = raw();
        String versionId = raw.statObject(StatObjectArgs.builder().bucket(BUCKET).object(ns + "kept").build())
                .versionId();
        assertThat(versionId).isNotBlank();

        assertThatThrownBy(() -> raw.removeObject(
                        RemoveObjectArgs.builder().bucket(BUCKET).object(ns + "kept").versionId(versionId).build()))
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> raw.setObjectRetention(SetObjectRetentionArgs.builder()
                        .bucket(BUCKET).object(ns + "kept").versionId(versionId)
                        .config(new Retention(RetentionMode.COMPLIANCE, until.minus(Duration.ofHours(12)).atZone(ZoneOffset.UTC)))
                        .build()))
                .isInstanceOf(ErrorResponseException.class);

        assertThat(store.read(ns + "kept")).containsExactly(1, 2, 3);
        assertThat(store.stat(ns + "kept")).get().extracting(ObjectStore.ObjectInfo::retainUntil).isEqualTo(until);
    }

    @Test
    void aProbeThatCannotReachTheServerIsAnErrorNotNoObjectLock() {
        CephRgw ceph = CephRgw.shared();
        MinioSettings wrongKeys = MinioSettings.of(ceph.endpoint(), BUCKET, ceph.region(), ceph.accessKey(),
                        "not-the-secret", true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
        ObjectStore refused = new MinioObjectStore(wrongKeys);
        assertThatThrownBy(refused::capabilities)
                .isInstanceOfSatisfying(ObjectStoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(ObjectStoreException.Reason.UNAVAILABLE));

        ObjectStore unreachable = new MinioObjectStore(MinioSettings.of(URI.create("http://127.0.0.1:9"), BUCKET,
                        ceph.region(), ceph.accessKey(), ceph.secretKey(), true)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThatThrownBy(unreachable::capabilities).isInstanceOf(ObjectStoreException.class);
    }
}
