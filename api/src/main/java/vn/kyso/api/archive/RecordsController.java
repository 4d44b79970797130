package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.access.Caller;
import vn.kyso.api.signing.Downloads;
import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.MetadataForm;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.StoredFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Archive")
class RecordsController {

    private final Archive archive;
    private final long maxBytes;

    RecordsController(ObjectProvider<ArchiveService> archive, ApiSettings settings) {
        this.archive = new Archive(archive);
        this.maxBytes = settings.maxUploadSize().toBytes();
    }

    @PostMapping(path = "/records", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Archive a document",
            description = "Validates the signatures, augments them to B-LTA when they are not already, stores the "
                    + "original untouched with the augmented copy, the validation reports and a manifest of SHA-256 "
                    + "and SHA-512 digests, and catalogues the record. Metadata that breaks the rules is refused "
                    + "with every field at fault in `errors`; the same bytes twice give 409 with "
                    + "`existingRecordId`. With `Prefer: respond-async` (RFC 7240) the answer is 202 as soon as "
                    + "the original is stored, with the record in state ACCEPTED; it turns ACTIVE (or FAILED, "
                    + "with the reason in its history) once validation and the evidence are done — for bulk "
                    + "transfers.")
    @ProblemCodes({"METADATA_INVALID", "DUPLICATE_RECORD", "NOT_A_SIGNED_DOCUMENT", "DOCUMENT_TOO_LARGE",
            "ENCRYPTED_PDF", "INGEST_PENDING", "FILE_CLOSED", "EVIDENCE_UNAVAILABLE", "STORAGE_UNAVAILABLE",
            "CATALOGUE_UNAVAILABLE", "ARCHIVE_FAILED"})
    ResponseEntity<RecordDetails> ingest(
            @Parameter(description = "The signed document") @RequestParam("file") MultipartFile file,
            @Parameter(description = "The signed data of a detached signature")
            @RequestParam(name = "original", required = false) MultipartFile original,
            @ParameterObject MetadataForm metadata,
            @ParameterObject vn.kyso.archive.DescriptionForm description,
            @Parameter(hidden = true) Caller caller,
            @Parameter(description = "respond-async: accept now, archive in the background")
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        if (file.getSize() + (original == null ? 0 : original.getSize()) > maxBytes) {
            throw new MaxUploadSizeExceededException(maxBytes);
        }
        // Metadata first: a bad form is refused before any signature work.
        var parsed = metadata.toMetadata(description);
        IngestRequest request = new IngestRequest(file.getOriginalFilename(), bytes(file),
                original == null || original.isEmpty() ? null : bytes(original), parsed, caller.actor());
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            RecordDetails r = archive.get().accept(request);
            return ResponseEntity.accepted().location(URI.create("/api/v1/records/" + r.id()))
                    .header("Preference-Applied", "respond-async").body(r);
        }
        RecordDetails r = archive.get().ingest(request);
        return ResponseEntity.created(URI.create("/api/v1/records/" + r.id())).body(r);
    }

    @GetMapping("/records")
    @Operation(summary = "Search the archive",
            description = "`q` matches the subject, number and symbol, issuer, signer, keywords and full text, with "
                    + "or without Vietnamese diacritics; \"quoted phrases\" and -excluded words work as in web "
                    + "search. Filters combine with AND. Pages count from 0.")
    @ProblemCodes({"INVALID_QUERY", "CATALOGUE_UNAVAILABLE"})
    RecordPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String fondCode,
            @RequestParam(required = false) String fileCode, @RequestParam(required = false) String documentType,
            @RequestParam(required = false) String issuer, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String verdict,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return archive.get().search(new RecordQuery(q, fondCode, fileCode, documentType, issuer, from, to,
                verdict == null || verdict.isBlank() ? null : verdict.strip().toUpperCase(java.util.Locale.ROOT),
                page, size));
    }

    @GetMapping("/records/{id}")
    @Operation(summary = "A record: metadata, validation summary, evidence, objects and history")
    @ProblemCodes({"RECORD_NOT_FOUND", "CATALOGUE_UNAVAILABLE"})
    RecordDetails record(@PathVariable String id) {
        return archive.get().record(id);
    }

    @GetMapping("/records/{id}/content")
    @Operation(summary = "The original exactly as archived")
    @ProblemCodes({"RECORD_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<byte[]> content(@PathVariable String id) {
        return download(archive.get().content(id));
    }

    @GetMapping("/records/{id}/evidence")
    @Operation(summary = "The evidence as a ZIP: augmented copies, validation reports, manifests and history")
    @ProblemCodes({"RECORD_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE",
            "ARCHIVE_FAILED"})
    ResponseEntity<byte[]> evidence(@PathVariable String id) {
        return download(archive.get().evidence(id));
    }

    @GetMapping("/records/{id}/package")
    @Operation(summary = "The record as a BagIt 1.0 package (RFC 8493) another archive can check on its own",
            description = ASYNC_EXPORT)
    @ApiResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "With `Prefer: respond-async`: building; poll the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportStatus.class)))
    @ProblemCodes({"RECORD_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE",
            "ARCHIVE_FAILED"})
    ResponseEntity<?> exportRecord(@PathVariable String id,
            @Parameter(description = PREFER) @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) Caller caller) {
        if (ExportJobsController.respondAsync(prefer)) {
            return ExportJobsController.accepted(archive.get(),
                    ExportRequest.record(ExportFormat.BAGIT, id, caller.actor(), caller.organisation()));
        }
        return download(archive.get().exportRecord(id));
    }

    @GetMapping("/files/{fondCode}/{fileCode}/package")
    @Operation(summary = "Every record of a file (hồ sơ) as one BagIt package", description = ASYNC_EXPORT)
    @ApiResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "With `Prefer: respond-async`: building; poll the Location",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportStatus.class)))
    @ProblemCodes({"FILE_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE",
            "ARCHIVE_FAILED"})
    ResponseEntity<?> exportFile(@PathVariable String fondCode, @PathVariable String fileCode,
            @Parameter(description = PREFER) @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) Caller caller) {
        if (ExportJobsController.respondAsync(prefer)) {
            return ExportJobsController.accepted(archive.get(),
                    ExportRequest.file(ExportFormat.BAGIT, fondCode, fileCode, caller.actor(), caller.organisation()));
        }
        return download(archive.get().exportFile(fondCode, fileCode));
    }

    static final String PREFER = "`respond-async`: build the package in the background and answer 202 at once";
    static final String ASYNC_EXPORT = "Without a preference the package is built inside the request and answered "
            + "200. With `Prefer: respond-async` (RFC 7240) the answer is **202 Accepted** at once with "
            + "`Location: /api/v1/archive-jobs/exports/{id}`, the status to poll on any instance (progress in records "
            + "packed); once DONE its `links.result` gives the package, kept 24 hours. Only archivists of the "
            + "organisation that asked see the job and its package.";

    /** @param hold true to set, false to lift; {@code reason} is kept in the history */
    record LegalHoldRequest(boolean hold, String reason) {
    }

    @PutMapping(path = "/records/{id}/legal-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set or lift a legal hold, which blocks disposal")
    @ProblemCodes({"RECORD_NOT_FOUND", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE"})
    RecordDetails legalHold(@PathVariable String id, @RequestBody LegalHoldRequest request,
            @Parameter(hidden = true) Caller caller) {
        return archive.get().setLegalHold(id, request.hold(), request.reason(), caller.actor());
    }

    static ResponseEntity<byte[]> download(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.name()))
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("the upload could not be read");
        }
    }

}
