package vn.kyso.conversion;

import java.util.Objects;

/**
 * What a document is, judged by its content.
 *
 * @param mediaType the detected IANA media type, for example {@code application/msword}
 * @param format the convertible format it maps to, or {@link SourceFormat#UNSUPPORTED}
 */
public record DetectedType(String mediaType, SourceFormat format) {

    public DetectedType {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(format, "format");
        if (mediaType.isBlank()) {
            throw new IllegalArgumentException("mediaType must not be blank");
        }
    }

    public boolean convertible() {
        return format != SourceFormat.UNSUPPORTED;
    }
}
