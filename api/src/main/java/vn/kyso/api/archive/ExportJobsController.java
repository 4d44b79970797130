package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.access.Caller;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.ExportRequest;

/**
 * Exports answered with 202 Accepted (issue #14, ADR 0022): the package endpoints take {@code Prefer:
 * respond-async} and answer with this status resource; the package is then downloaded from its result
 * URL. Both answer on any instance: the state is in the catalogue, the package in the object store. Only
 * archivists of the organisation that asked see either (another organisation's job is 404 JOB_NOT_FOUND,
 * so ids cannot be probed).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Archive")
class ExportJobsController {

    private final Archive archive;

    ExportJobsController(ObjectProvider<ArchiveService> archive) {
        this.archive = new Archive(archive);
    }

    /** Whether the client asked for the asynchronous answer (RFC 7240 {@code respond-async}). */
    static boolean respondAsync(String prefer) {
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
    }

    /** Starts the export and answers 202 with its status URL. */
    static ResponseEntity<ExportStatus> accepted(ArchiveService service, ExportRequest request) {
        ExportJob job = service.startExport(request);
        return ResponseEntity.accepted().location(URI.create(ExportStatus.PATH + job.id()))
                .header(HttpHeaders.RETRY_AFTER, "2").header("Preference-Applied", "respond-async")
                .body(ExportStatus.of(job));
    }

    @GetMapping("/archive-jobs/exports/{id:\\d+}")
    @Operation(operationId = "getExportJob", summary = "The status of an export asked for with Prefer: respond-async",
            description = "State, progress (records packed of total) and, once DONE, `links.result` to download the "
                    + "package; for FAILED the problem carries the cause's code (for example INTEGRITY_FAILURE when "
                    + "a stored object no longer matches its digest).")
    @ApiResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExportStatus.class)))
    @ProblemCodes({"JOB_NOT_FOUND", "CATALOGUE_UNAVAILABLE"})
    ExportStatus status(@PathVariable long id, @Parameter(hidden = true) Caller caller) {
        return archive.get().exportJob(id, caller.organisation()).map(ExportStatus::of)
                .orElseThrow(() -> notFound(id));
    }

    @GetMapping("/archive-jobs/exports/{id:\\d+}/package")
    @Operation(operationId = "getExportPackage", summary = "The package of a finished export",
            description = "The ZIP (BagIt or E-ARK) once the export is DONE; kept 24 hours. Before that, after a "
                    + "failure or once expired: 409 EXPORT_NOT_READY.")
    @ApiResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ProblemCodes({"JOB_NOT_FOUND", "EXPORT_NOT_READY", "STORAGE_UNAVAILABLE", "INTEGRITY_FAILURE",
            "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<byte[]> result(@PathVariable long id, @Parameter(hidden = true) Caller caller) {
        ArchiveService service = archive.get();
        if (service.exportJob(id, caller.organisation()).isEmpty()) {
            throw notFound(id);
        }
        return RecordsController.download(service.exportResult(id, caller.organisation()));
    }

    private static ApiException notFound(long id) {
        return new ApiException(ApiError.JOB_NOT_FOUND, "No export job " + id);
    }
}
