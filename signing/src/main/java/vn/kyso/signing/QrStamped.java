package vn.kyso.signing;

import java.util.Objects;

/**
 * A PDF with its verification QR code, ready to sign.
 *
 * @param document       the stamped PDF: the original bytes unchanged, followed by an incremental update
 *                       that draws the code, so the original stays provable inside every later version
 * @param documentId     the identifier in the link
 * @param originalSha256 hex SHA-256 of the original (unstamped) PDF, the {@code h} of the link
 * @param link           the URL the code encodes
 */
public record QrStamped(Document document, String documentId, String originalSha256, String link) {

    public QrStamped {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(originalSha256, "originalSha256");
        Objects.requireNonNull(link, "link");
    }
}
