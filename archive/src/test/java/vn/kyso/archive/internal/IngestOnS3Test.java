package vn.kyso.archive.internal;

import org.junit.jupiter.api.BeforeAll;

/** {@link IngestTest} on the S3 server process through the MinIO client. */
class IngestOnS3Test extends IngestTest {

    @BeforeAll
    static void startStore() throws Exception {
        start(vn.kyso.archive.testing.ArchiveFixture.s3Store("ingest"));
    }
}
