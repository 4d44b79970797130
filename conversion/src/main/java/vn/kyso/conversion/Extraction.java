package vn.kyso.conversion;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The text and metadata of a document.
 *
 * @param mediaType the detected media type
 * @param text the plain text, cut at the configured limit (see {@code truncated})
 * @param truncated whether the text was longer than the limit
 * @param language ISO 639-1 code of the text's language ({@code vi}, {@code en}), empty when unsure
 * @param metadata the document's metadata by Tika key, for example {@code dc:title}
 * @param pageCount the number of pages when the format says so
 * @param ocrUsed whether some of the text came from OCR
 */
public record Extraction(String mediaType, String text, boolean truncated, Optional<String> language,
        Map<String, List<String>> metadata, OptionalInt pageCount, boolean ocrUsed) {

    public Extraction {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(pageCount, "pageCount");
        metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata"));
        if (pageCount.isPresent() && pageCount.getAsInt() < 0) {
            throw new IllegalArgumentException("pageCount must not be negative");
        }
    }
}
