package vn.kyso.archive;

import java.util.Objects;

/** A file handed out by the archive: the original, an evidence bundle or a package. */
public record StoredFile(String name, String mediaType, byte[] content) {
    public StoredFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "StoredFile[" + name + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
