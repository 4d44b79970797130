package vn.kyso.archive.internal;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import vn.kyso.archive.internal.store.MinioSettings;
import vn.kyso.archive.testing.S3TestServer;

/** {@link IngestFaultsTest} on an S3Mock process of its own, killed and restarted on the same port. */
class IngestFaultsOnS3MockTest extends IngestFaultsTest {

    @BeforeAll
    static void onS3Mock() throws Exception {
        S3TestServer server = S3TestServer.startIn(Files.createTempDirectory("kyso-faults-s3-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))).resolve("s3"));
        start(new StoreServer() {
            @Override
            public MinioSettings settings() {
                return MinioSettings.of(server.endpoint(), "archive", null, S3TestServer.ACCESS_KEY,
                        S3TestServer.SECRET_KEY, true);
            }

            @Override
            public void stop() {
                server.stop();
            }

            @Override
            public void start() {
                server.start();
            }

            @Override
            public void close() {
                server.close();
            }
        });
    }
}
