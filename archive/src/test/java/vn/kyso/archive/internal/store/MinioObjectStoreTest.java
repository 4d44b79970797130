package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.testing.S3TestServer;

/** The contract against S3Mock, with retention and hold kept in object metadata (no Object Lock). */
class MinioObjectStoreTest extends ObjectStoreContractTest {

    static MinioSettings settings(String bucket, boolean objectLock) {
        return MinioSettings.of(S3TestServer.shared().endpoint(), bucket, "us-east-1",
                        S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, objectLock)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    @Override
    protected ObjectStore newStore() {
        return new MinioObjectStore(settings("kyso-metadata", false));
    }

    @Test
    void keepsRetentionAndHoldInUserMetadataAndReportsNoServerLock() {
        store.put(ns + "meta", new byte[] {1}, new PutOptions("application/pdf", java.time.Instant.parse("2099-01-01T00:00:00Z")));
        store.setLegalHold(ns + "meta", true);

        assertThat(store.stat(ns + "meta")).get()
                .satisfies(info -> {
                    assertThat(info.retainUntil()).isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z"));
                    assertThat(info.legalHold()).isTrue();
                    assertThat(info.contentType()).isEqualTo("application/pdf");
                });
        assertThat(store.read(ns + "meta")).containsExactly(1);
        assertThat(store.capabilities().serverSideObjectLock()).isFalse();
        store.setLegalHold(ns + "meta", false);
    }
}
