package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.spi.ObjectStoreException;
import vn.kyso.archive.spi.ObjectStoreException.Reason;
import vn.kyso.archive.testing.S3TestServer;

/** The real server stops mid-ingest: calls fail fast with UNAVAILABLE, and the data is back after a restart. */
class MinioObjectStoreOutageTest {

    private static S3TestServer server;

    @BeforeAll
    static void startServer() {
        server = S3TestServer.startIn(S3TestServer.workDir().resolve("s3mock-outage-" + System.nanoTime()));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void anOutageIsUnavailableWithinTheTimeoutsAndTheDataSurvivesARestart() {
        MinioSettings settings = MinioSettings.of(server.endpoint(), "kyso-outage", null,
                        S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, false)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
        MinioObjectStore store = new MinioObjectStore(settings);
        store.put("case-1/original.pdf", new byte[] {1, 2, 3}, PutOptions.of("application/pdf"));
        assertThat(store.isAvailable()).isTrue();

        server.stop();

        for (Runnable call : new Runnable[] {
            () -> store.put("case-1/report.pdf", new byte[] {4}, PutOptions.of("application/pdf")),
            () -> store.read("case-1/original.pdf"),
            () -> store.stat("case-1/original.pdf"),
            () -> store.list("case-1/"),
            () -> store.delete("case-1/original.pdf"),
            () -> store.setLegalHold("case-1/original.pdf", true),
        }) {
            Instant started = Instant.now();
            assertThatThrownBy(call::run)
                    .isInstanceOfSatisfying(ObjectStoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
        Instant started = Instant.now();
        assertThat(store.isAvailable()).isFalse();
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));

        server.start();

        assertThat(store.isAvailable()).isTrue();
        assertThat(store.read("case-1/original.pdf")).containsExactly(1, 2, 3);
        assertThat(store.list("case-1/")).containsExactly("case-1/original.pdf");
        store.put("case-1/report.pdf", new byte[] {4}, PutOptions.of("application/pdf"));
        assertThat(store.read("case-1/report.pdf")).containsExactly(4);
    }

    /**
     * The test server's repair of S3Mock's crash damage, which the fault tests rely on: killed while it
     * rewrote the bucket's index, S3Mock leaves that file empty and would never answer again.
     */
    @Test
    void aBucketIndexLeftEmptyByAKillIsRebuiltBeforeTheRestart() throws Exception {
        MinioSettings settings = MinioSettings.of(server.endpoint(), "kyso-index-crash", null,
                S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, false);
        MinioObjectStore store = new MinioObjectStore(settings);
        store.put("case-2/original.pdf", new byte[] {5, 6}, PutOptions.of("application/pdf"));
        store.put("case-2/report.json", new byte[] {7}, PutOptions.of("application/json"));

        server.stop();
        java.nio.file.Files.write(server.root().resolve("kyso-index-crash").resolve("bucketMetadata.json"),
                new byte[0]);
        server.start();

        assertThat(store.list("case-2/")).containsExactlyInAnyOrder("case-2/original.pdf", "case-2/report.json");
        assertThat(store.read("case-2/original.pdf")).containsExactly(5, 6);
    }
}
