package vn.kyso.archive;

import java.time.Instant;
import java.util.Objects;
import vn.kyso.validation.Verdict;

/**
 * What the archive holds under the identifier a verification QR code carries, as anyone holding the code
 * may see it. Every record shows that it exists, who issued it, whether its signatures were valid when it
 * was archived and the digest of the original; the content (number and symbol, date, subject, signers, the
 * file) only when the record's access regime is public.
 *
 * @param documentId    the identifier the QR code carries
 * @param state         ACTIVE; ACCEPTED while still being validated; DISPOSED once destroyed under a
 *                      disposal list (the tombstone keeps the digest)
 * @param accessRegime  PUBLIC, or the regime that withholds the content
 * @param issuer        the issuing agency, which the law has every document name in its heading
 * @param verdict       the signatures' verdict when archived or last re-validated; null while ACCEPTED
 * @param validatedAt   when that verdict was reached, or null
 * @param archivedAt    when the archive took the document in
 * @param sha256        SHA-256 of the original as ingested, lower-case hex
 * @param size          its length in bytes
 * @param publicDetails the whole catalogue entry for a public record, else null
 */
public record IssuedDocument(String documentId, RecordState state, AccessRegime accessRegime, String issuer,
        Verdict verdict, Instant validatedAt, Instant archivedAt, String sha256, long size,
        RecordDetails publicDetails) {

    public IssuedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(accessRegime, "accessRegime");
        Objects.requireNonNull(archivedAt, "archivedAt");
        Objects.requireNonNull(sha256, "sha256");
        if (publicDetails != null && accessRegime != AccessRegime.PUBLIC) {
            throw new IllegalArgumentException("only a public record's details are shown");
        }
    }

    /** True when the content may be shown and the original handed out. */
    public boolean isPublic() {
        return publicDetails != null;
    }
}
