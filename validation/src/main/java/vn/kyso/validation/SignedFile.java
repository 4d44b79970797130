package vn.kyso.validation;

import java.util.Arrays;
import java.util.Objects;

/** A file to validate or a detached original. The name is informative; the type comes from the content. */
public record SignedFile(String name, byte[] content) {

    public SignedFile {
        Objects.requireNonNull(content, "content");
        name = (name == null || name.isBlank()) ? "document" : name.replace('\\', '/')
                .substring(name.replace('\\', '/').lastIndexOf('/') + 1);
        if (name.isBlank()) {
            name = "document";
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedFile f && name.equals(f.name) && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SignedFile[" + name + ", " + content.length + " bytes]";
    }
}
