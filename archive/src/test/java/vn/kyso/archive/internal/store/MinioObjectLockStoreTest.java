package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.testing.S3TestServer;

/**
 * The contract against S3Mock with a bucket created with Object Lock: retention (COMPLIANCE) and
 * legal hold go through the S3 Object Lock APIs. S3Mock stores them but does not enforce them, so
 * the adapter's own checks are what make these tests pass (ADR 0006).
 */
class MinioObjectLockStoreTest extends ObjectStoreContractTest {

    @Override
    protected ObjectStore newStore() {
        return new MinioObjectStore(MinioObjectStoreTest.settings("kyso-locked", true));
    }

    @Test
    void s3MockStoresObjectLockButDoesNotEnforceIt() throws Exception {
        Instant until = Instant.parse("2099-01-01T00:00:00Z");
        store.put(ns + "locked", new byte[] {1}, new PutOptions("application/pdf", until));
        assertThat(store.stat(ns + "locked")).get().extracting(ObjectStore.ObjectInfo::retainUntil).isEqualTo(until);

        // Going around the adapter: S3Mock deletes the version although it is retained until 2099.
        MinioClient raw = MinioClient.builder()
                .endpoint(S3TestServer.shared().endpoint().toString())
                .credentials(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)
                .build();
        String versionId = raw.statObject(StatObjectArgs.builder().bucket("kyso-locked").object(ns + "locked").build())
                .versionId();
        raw.removeObject(RemoveObjectArgs.builder().bucket("kyso-locked").object(ns + "locked").versionId(versionId).build());

        assertThat(store.stat(ns + "locked")).isEmpty();
        ObjectStore.Capabilities capabilities = store.capabilities();
        assertThat(capabilities.serverSideObjectLock()).isFalse();
        // Unlike AWS S3 and MinIO, S3Mock does not turn versioning on for an Object Lock bucket.
        assertThat(capabilities.versioning()).isFalse();
        assertThat(capabilities.backend()).isEqualTo("s3");
    }

    @Test
    void s3MockHonoursIfNoneMatchOnPut() throws Exception {
        store.put(ns + "taken", new byte[] {1}, PutOptions.of("application/pdf"));
        MinioClient raw = MinioClient.builder()
                .endpoint(S3TestServer.shared().endpoint().toString())
                .credentials(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)
                .build();

        // The adapter's own stat would catch this first; send the conditional put directly.
        assertThatThrownBy(() -> raw.putObject(PutObjectArgs.builder()
                        .bucket("kyso-locked")
                        .object(ns + "taken")
                        .data(new byte[] {2}, 1)
                        .extraHeaders(Map.of("If-None-Match", "*"))
                        .build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().code()).isEqualTo("PreconditionFailed"));
        assertThat(store.read(ns + "taken")).containsExactly(1);
    }
}
