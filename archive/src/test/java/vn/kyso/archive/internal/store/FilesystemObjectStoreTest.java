package vn.kyso.archive.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.archive.spi.ObjectStore;
import vn.kyso.archive.spi.ObjectStore.PutOptions;
import vn.kyso.archive.spi.ObjectStoreException.Reason;

class FilesystemObjectStoreTest extends ObjectStoreContractTest {

    @TempDir
    Path root;

    @Override
    protected ObjectStore newStore() {
        return new FilesystemObjectStore(root);
    }

    @Test
    void aCrashMidWriteLeavesNothingVisibleAndIsCleanedUpOnOpen() throws Exception {
        Path dir = Files.createDirectories(root.resolve("case"));
        // what a crash between writing and moving into place leaves behind
        Files.write(dir.resolve("half.pdf" + FilesystemObjectStore.TEMP_MARKER + "1234"), new byte[] {1, 2});
        Files.writeString(dir.resolve("orphan.pdf" + FilesystemObjectStore.META_SUFFIX), "legal-hold=false\n");

        assertThat(store.list("")).isEmpty();
        assertThat(store.stat("case/half.pdf")).isEmpty();
        assertThat(store.stat("case/orphan.pdf")).isEmpty();

        new FilesystemObjectStore(root);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        store.put("case/orphan.pdf", new byte[] {3}, PutOptions.of("application/pdf"));
        assertThat(store.read("case/orphan.pdf")).containsExactly(3);
    }

    @Test
    void keepsDataAndMetadataInFilesKeysCannotName() throws Exception {
        store.put("a", new byte[] {1}, PutOptions.of("text/plain"));
        store.put("a/b", new byte[] {2}, PutOptions.of("text/plain"));

        assertThat(root.resolve("a" + FilesystemObjectStore.DATA_SUFFIX)).hasBinaryContent(new byte[] {1});
        assertThat(root.resolve("a/b" + FilesystemObjectStore.DATA_SUFFIX)).hasBinaryContent(new byte[] {2});
        assertThat(root.resolve("a/b" + FilesystemObjectStore.META_SUFFIX)).content().contains("text/plain");
        assertThat(store.list("")).containsExactly("a", "a/b");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.contains(FilesystemObjectStore.TEMP_MARKER));
        }
    }

    @Test
    void ioFailuresAreUnavailable() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-directory"), "x");
        ObjectStore broken = new FilesystemObjectStore(root.resolve("not-a-directory-either"));
        Files.delete(root.resolve("not-a-directory-either").resolve(FilesystemObjectStore.OWNER_LOCK));
        Files.delete(root.resolve("not-a-directory-either"));
        Files.writeString(root.resolve("not-a-directory-either"), "now a file");

        assertReason(() -> broken.put("k", new byte[] {1}, PutOptions.of(null)), Reason.UNAVAILABLE);
        assertThat(broken.isAvailable()).isFalse();
        assertThat(file).exists();
    }

    @Test
    void reportsThatOnlyTheAdapterEnforcesRetention() {
        assertThat(store.capabilities()).isEqualTo(new ObjectStore.Capabilities("filesystem", false, false));
    }
}
