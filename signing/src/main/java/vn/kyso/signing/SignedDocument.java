package vn.kyso.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed document or container, ready to hand back.
 *
 * @param name        a file name for the result, derived from the input's
 * @param mediaType   the MIME type of {@code content}
 * @param signingTime the claimed signing time that the signature carries
 */
public record SignedDocument(
        String name,
        String mediaType,
        byte[] content,
        SignatureFormat format,
        SignatureLevel level,
        String keyId,
        Instant signingTime) {

    public SignedDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signingTime, "signingTime");
    }

    @Override
    public String toString() {
        return "SignedDocument[" + name + ", " + mediaType + ", " + content.length + " bytes, " + format + " "
                + level + ", key=" + keyId + ", at " + signingTime + "]";
    }
}
