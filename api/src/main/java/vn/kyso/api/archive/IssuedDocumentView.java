package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.IssuedDocument;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordState;
import vn.kyso.validation.Verdict;

/**
 * The public answer to a verification QR code read without a file. An identifier nobody issued, and an
 * issuer-chosen one whose link lacks the right token, get the same answer ({@code found} false and nothing
 * else), so the answer does not tell which. A restricted record shows that it exists and was genuine
 * (issuer, verdict, digest); only a public record shows its content and offers the original.
 */
@Schema(name = "IssuedDocument")
record IssuedDocumentView(
        String documentId,
        boolean found,
        @Schema(description = "PUBLIC: content shown; RESTRICTED: existence and verdict only") AccessRegime accessRegime,
        @Schema(description = "ACTIVE, ACCEPTED (still being validated) or DISPOSED (destroyed under a disposal "
                + "list; the digest is kept)") RecordState state,
        String issuer,
        @Schema(description = "The signatures' verdict when archived or last re-validated") Verdict verdict,
        Instant validatedAt,
        Instant archivedAt,
        @Schema(description = "SHA-256 of the original as archived") String sha256,
        Long size,
        Content content) {

    /**
     * What a public record shows beyond existence.
     *
     * @param originalUrl where to download the original (relative to the service), or null once disposed
     */
    record Content(String numberSymbol, LocalDate documentDate, String documentType, String subject,
            String headlineVi, String headlineEn, List<Signer> signers, String originalName, String mediaType,
            String originalUrl) {
    }

    /** One signature, as the archive's validation found it. */
    record Signer(String name, String organisation, Verdict verdict, Instant signingTime) {
    }

    static IssuedDocumentView notFound(String documentId) {
        return new IssuedDocumentView(documentId, false, null, null, null, null, null, null, null, null, null);
    }

    static IssuedDocumentView of(IssuedDocument d, String originalUrl) {
        Content content = null;
        if (d.isPublic()) {
            RecordDetails r = d.publicDetails();
            var m = r.metadata();
            var v = r.validation();
            List<Signer> signers = v == null ? List.of() : v.signatures().stream()
                    .map(s -> new Signer(s.signer(), s.organisation(), s.verdict(), s.signingTime())).toList();
            content = new Content(m.numberSymbol(), m.documentDate(), m.documentType(), m.subject(),
                    v == null ? null : v.headlineVi(), v == null ? null : v.headlineEn(), signers,
                    r.original().name(), r.original().mediaType(),
                    d.state() == RecordState.DISPOSED ? null : originalUrl);
        }
        return new IssuedDocumentView(d.documentId(), true, d.accessRegime(), d.state(), d.issuer(), d.verdict(),
                d.validatedAt(), d.archivedAt(), d.sha256(), d.size(), content);
    }

    /** True when the original may be handed out. */
    boolean offersOriginal() {
        return content != null && content.originalUrl() != null;
    }
}
