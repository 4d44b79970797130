package vn.kyso.archive.spi;

/**
 * Extracts the searchable text and page count of a document for the catalogue. The conversion
 * module's Tika-based extractor is wired in by the application; the archive's own default reads
 * PDFs only.
 */
@FunctionalInterface
public interface TextExtractor {

    /**
     * Never throws for unreadable content: returns empty text instead, so ingest still succeeds.
     * Returns null to leave the document to the archive's own PDF reader.
     */
    Extracted extract(String name, byte[] content);

    /** @param pages the page count, or null when the format has none */
    record Extracted(String text, Integer pages) {
        public Extracted {
            text = text == null ? "" : text;
        }
    }
}
