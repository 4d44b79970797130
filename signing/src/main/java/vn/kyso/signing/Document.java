package vn.kyso.signing;

import java.util.Objects;

/**
 * A named file. The name is informative only; the type is always decided from the content.
 */
public record Document(String name, byte[] content) {

    public Document {
        Objects.requireNonNull(content, "content");
        name = (name == null || name.isBlank()) ? "document" : sanitise(name);
    }

    /** Keeps the last path segment only, so a client-supplied name can never become a path. */
    private static String sanitise(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? "document" : base;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document d && name.equals(d.name) && java.util.Arrays.equals(content, d.content);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Document[" + name + ", " + content.length + " bytes]";
    }
}
