package vn.kyso.archive.internal;

import org.junit.jupiter.api.BeforeAll;

/** {@link IngestTest} on the filesystem store. */
class IngestOnFilesystemTest extends IngestTest {

    @BeforeAll
    static void startStore() throws Exception {
        start(new vn.kyso.archive.internal.store.FilesystemObjectStore(
                java.nio.file.Files.createTempDirectory("kyso-ingest-fs")));
    }
}
