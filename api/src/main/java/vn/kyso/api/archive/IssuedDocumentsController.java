package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.verify.IssuedLinks;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IssuedCopyCheck;
import vn.kyso.archive.IssuedDocument;

/**
 * The public side of the archive: what the archive holds under a QR code's identifier, its original when the
 * record is public, and whether a citizen's copy is that original.
 */
@RestController
@RequestMapping("/api/v1/issued-documents")
@Tag(name = "Verification")
class IssuedDocumentsController {

    /** The archive's rule for the identifiers QR codes carry; nothing outside it was ever issued. */
    private static final String DOCUMENT_ID = "[A-Za-z0-9._-]{1,64}";

    private final Archive archive;
    private final long maxBytes;
    private final ObjectProvider<IssuedLinks> links;

    IssuedDocumentsController(ObjectProvider<ArchiveService> archive, ApiSettings settings,
            ObjectProvider<IssuedLinks> links) {
        this.archive = new Archive(archive);
        this.maxBytes = settings.maxUploadSize().toBytes();
        this.links = links;
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "What the archive holds under the identifier a QR code carries",
            description = "Public and rate-limited. Every record shows that it exists, its issuer, the verdict of "
                    + "its signatures and the digest of the original; a public record also its number and "
                    + "symbol, date, type, subject and signers, and the address of the original. An identifier "
                    + "the issuer chose needs the link's token t; without the right one the answer is the same "
                    + "as for an identifier nobody issued (found: false).")
    @ProblemCodes("CATALOGUE_UNAVAILABLE")
    ResponseEntity<IssuedDocumentView> lookUp(@PathVariable String documentId,
            @Parameter(description = "The token the QR link carries (t)") @RequestParam(name = "t", required = false)
            String token) {
        IssuedDocumentView view = find(documentId, token)
                .map(d -> IssuedDocumentView.of(d, originalUrl(documentId, token)))
                .orElseGet(() -> IssuedDocumentView.notFound(documentId));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }

    @GetMapping("/{documentId}/original")
    @Operation(summary = "The archived original of a public record, to compare with the copy one holds",
            description = "Public and rate-limited. 404 RECORD_NOT_FOUND, the same answer, for an identifier "
                    + "nobody issued, a wrong token, a restricted record and a disposed one.")
    @ProblemCodes({"RECORD_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<byte[]> original(@PathVariable String documentId,
            @Parameter(description = "The token the QR link carries (t)") @RequestParam(name = "t", required = false)
            String token) {
        Optional<IssuedDocument> found = find(documentId, token);
        if (found.isEmpty() || !IssuedDocumentView.of(found.get(), "").offersOriginal()) {
            throw new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no public original under this identifier");
        }
        String recordId = found.get().publicDetails().id();
        return RecordsController.download(archive.get().content(recordId));
    }

    /**
     * The catalogue is always asked first, whatever the token, so a wrong token costs the same time as a right
     * one and an identifier nobody issued the same as one that exists.
     */
    private Optional<IssuedDocument> find(String documentId, String token) {
        if (documentId == null || !documentId.matches(DOCUMENT_ID)) {
            return Optional.empty();
        }
        Optional<IssuedDocument> found = archive.get().issuedDocument(documentId);
        IssuedLinks tokens = links.getIfAvailable();
        boolean opens = tokens != null ? tokens.opens(documentId, token) : IssuedLinks.unguessable(documentId);
        return opens ? found : Optional.empty();
    }

    private static String originalUrl(String documentId, String token) {
        String id = URLEncoder.encode(documentId, StandardCharsets.UTF_8);
        return "/api/v1/issued-documents/" + id + "/original"
                + (token == null || token.isBlank() ? "" : "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @PostMapping(path = "/{documentId}/comparison", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Compare a copy with the archived original a QR code names",
            description = "Public, rate-limited, nothing stored. `IDENTICAL`: the archived original (or its archived "
                    + "long-term copy); `EXTENDS_ORIGINAL`: the original followed by later additions such as more "
                    + "signatures; `DIFFERENT`; `NOT_ARCHIVED`. The record's catalogue entry is shown only when its "
                    + "access regime is public.")
    @ProblemCodes({"INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<IssuedCopyCheck> compare(@PathVariable String documentId,
            @Parameter(description = "The copy the citizen holds") @RequestParam("file") MultipartFile file) {
        if (file.getSize() > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        byte[] copy;
        try {
            copy = file.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("the upload could not be read");
        }
        if (copy.length == 0) {
            throw ApiException.invalid("the file is empty");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(archive.get().checkIssuedCopy(documentId, copy));
    }
}
