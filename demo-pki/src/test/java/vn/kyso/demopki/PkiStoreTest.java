package vn.kyso.demopki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;

class PkiStoreTest {

    @Test
    void aDirectoryWithoutTheMarkerIsIncompleteAndWipingKeepsForeignFiles(@TempDir Path directory) throws Exception {
        PkiStore store = new PkiStore(directory);
        store.writeSecret(store.userPinFile(KeyFamily.PUBLIC), "1234");
        store.write(store.image("someone"), new byte[] {1});
        Files.writeString(directory.resolve("notes.txt"), "not ours");
        assertThat(store.isComplete()).isFalse();

        store.markComplete();
        assertThat(store.isComplete()).isTrue();

        store.wipe();
        assertThat(store.isComplete()).isFalse();
        assertThat(directory.resolve("secrets")).doesNotExist();
        assertThat(directory.resolve("images")).doesNotExist();
        assertThat(directory.resolve("notes.txt")).exists();
    }

    @Test
    void secretsKeepOnlyTheirFirstLine(@TempDir Path directory) {
        PkiStore store = new PkiStore(directory);
        store.writeSecret(store.keyStorePasswordFile(), "s3cret");
        assertThat(store.readSecret(store.keyStorePasswordFile())).isEqualTo("s3cret");
        assertThat(PkiStore.randomSecret(20)).hasSize(20).isNotEqualTo(PkiStore.randomSecret(20));
    }
}
