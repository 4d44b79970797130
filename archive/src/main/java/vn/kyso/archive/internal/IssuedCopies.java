package vn.kyso.archive.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.IssuedCopyCheck;
import vn.kyso.archive.IssuedDocument;
import vn.kyso.archive.IssuedOriginal;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;

/** Whether a citizen's copy of a document a QR code names is the archived original; only the catalogue's digest decides. */
final class IssuedCopies {

    private final Catalogue catalogue;
    private final ObjectTable objectTable;

    IssuedCopies(Catalogue catalogue, ObjectTable objectTable) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
    }

    IssuedCopyCheck check(String documentId, byte[] copy) {
        Objects.requireNonNull(copy, "copy");
        Optional<CatalogueRow> found = issuedRow(documentId);
        if (found.isEmpty()) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.NOT_ARCHIVED, null);
        }
        CatalogueRow row = found.get();
        IssuedOriginal original = issuedOriginal(documentId, row);
        String sha = Digests.sha256(copy);
        // The archive's own long-term copy (the original augmented to B-LTA) is the issued document too.
        boolean identical = sha.equals(original.sha256()) || objectTable.of(row.id()).stream()
                .anyMatch(o -> o.role() == ObjectRole.AUGMENTED && o.sha256().equals(sha));
        if (identical) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.IDENTICAL, original.record());
        }
        if (LaterRevisions.extendsOriginal(copy, original.sha256(), original.size())) {
            return new IssuedCopyCheck(IssuedCopyCheck.Match.EXTENDS_ORIGINAL, original.record());
        }
        return new IssuedCopyCheck(IssuedCopyCheck.Match.DIFFERENT, original.record());
    }

    Optional<IssuedOriginal> issuedOriginal(String documentId) {
        return issuedRow(documentId).map(row -> issuedOriginal(documentId, row));
    }

    /**
     * The record a QR code names, as anyone may see it: the whole entry (read by {@code details}) only for a
     * public record.
     */
    Optional<IssuedDocument> issuedDocument(String documentId, Function<String, RecordDetails> details) {
        return issuedRow(documentId).map(row -> {
            boolean open = row.metadata().accessRegime() == AccessRegime.PUBLIC;
            return new IssuedDocument(documentId, row.state(), row.metadata().accessRegime(), row.metadata().issuer(),
                    row.findings().verdict(), row.findings().validatedAt(), row.ingestedAt(), row.original().sha256(),
                    row.original().size(), open ? details.apply(row.id().toString()) : null);
        });
    }

    private Optional<CatalogueRow> issuedRow(String documentId) {
        if (documentId == null || !documentId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ArchiveException(ArchiveError.INVALID_QUERY, "a document identifier is 1-64 letters, digits, "
                    + "'.', '_' or '-'");
        }
        return catalogue.findByDocumentId(documentId);
    }

    /** Digest and size from the catalogue; the catalogue entry itself only for public records. */
    private static IssuedOriginal issuedOriginal(String documentId, CatalogueRow row) {
        return new IssuedOriginal(documentId, row.original().sha256(), row.original().size(),
                row.metadata().accessRegime() == AccessRegime.PUBLIC ? row.summary() : null);
    }
}
