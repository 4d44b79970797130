package vn.kyso.exchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file carried by an edXML message: in practice the signed PDF of the letter and its appendices.
 *
 * @param name        the file name (last path segment only)
 * @param contentType its MIME type
 * @param content     the bytes, exactly as signed
 */
public record Attachment(String name, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            throw new IllegalArgumentException("an attachment must not be empty");
        }
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip().replaceAll("[\\p{Cntrl}\"<>]", "_");
        name = n.isEmpty() ? "attachment" : n.length() > 200 ? n.substring(n.length() - 200) : n;
        contentType = contentType == null || contentType.isBlank() ? guess(name) : contentType.strip();
    }

    private static String guess(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? "application/pdf"
                : "application/octet-stream";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && name.equals(a.name) && contentType.equals(a.contentType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, contentType) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + contentType + ", " + content.length + " bytes]";
    }
}
