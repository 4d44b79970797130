package vn.kyso.signing;

import java.net.URI;
import java.util.Objects;

/**
 * Stamp a QR code that links to the public verification page onto an unsigned PDF, before it is
 * signed (the code is part of what the signatures protect).
 *
 * @param verifyUrl  the verification page, e.g. {@code https://dichvucong.example.gov.vn/verify}
 * @param documentId the document's identifier in the issuer's data store, or null to generate one
 * @param placement  where the code goes, or null for the lowest free spot of page one from its bottom-left
 *                   corner (no printed text or visible signature under it)
 * @param linkToken  a token the link carries as {@code t} after the hash, or null: the issuer's proof that it
 *                   printed this identifier, which lets the public page look a guessable identifier up
 *                   (see docs/adr/0020-public-lookup-by-document-id.md)
 */
public record QrStampRequest(Document document, String verifyUrl, String documentId, Placement placement,
        String linkToken) {

    /** A link without a token, as before tokens existed. */
    public QrStampRequest(Document document, String verifyUrl, String documentId, Placement placement) {
        this(document, verifyUrl, documentId, placement, null);
    }

    public QrStampRequest {
        Objects.requireNonNull(document, "document");
        if (verifyUrl == null || verifyUrl.isBlank()) {
            throw new IllegalArgumentException("verifyUrl is required");
        }
        URI uri = URI.create(verifyUrl.strip());
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("verifyUrl must be an http(s) URL");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("verifyUrl must not carry a query or fragment");
        }
        verifyUrl = verifyUrl.strip();
        if (documentId != null && !documentId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("documentId must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (linkToken != null && !linkToken.matches("[A-Za-z0-9_-]{16,64}")) {
            throw new IllegalArgumentException("linkToken must be 16-64 URL-safe base64 characters");
        }
    }
}
