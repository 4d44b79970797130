package vn.kyso.archive;

import java.util.Objects;

/**
 * One document to archive.
 *
 * @param name             the file name it came with (informative; the type is read from the bytes)
 * @param content          the signed document, stored byte for byte
 * @param detachedOriginal the signed file of a detached signature, or null
 * @param metadata         the archive metadata
 * @param actor            who asked, for the history
 */
public record IngestRequest(String name, byte[] content, byte[] detachedOriginal, RecordMetadata metadata,
        String actor) {

    public IngestRequest {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(metadata, "metadata");
        if (content.length == 0) {
            throw new ArchiveException(ArchiveError.EMPTY_DOCUMENT, "the document is empty");
        }
        name = name == null || name.isBlank() ? "document" : lastSegment(name);
        actor = actor == null || actor.isBlank() ? "anonymous" : actor.strip();
    }

    private static String lastSegment(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip().replaceAll("[\\p{Cntrl}\"]", "_");
        return n.isEmpty() ? "document" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    @Override
    public String toString() {
        return "IngestRequest[" + name + ", " + content.length + " bytes, " + metadata.numberSymbol() + "]";
    }
}
