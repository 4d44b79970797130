package vn.kyso.archive;

import java.util.Objects;

/**
 * The archived original a verification QR code names, as the catalogue records it: what a copy must
 * hash to (or begin with) to be that document. The digest comes from the catalogue, never from the
 * QR link, which anyone can print.
 *
 * @param documentId the identifier the QR code carries
 * @param sha256     SHA-256 (lower-case hex) of the original exactly as ingested
 * @param size       its length in bytes
 * @param record     the catalogue entry when the record's access regime is public, else null
 */
public record IssuedOriginal(String documentId, String sha256, long size, RecordSummary record) {

    public IssuedOriginal {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
    }
}
