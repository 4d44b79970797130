package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.access.Caller;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportRequest;
import vn.kyso.archive.FileForm;

/**
 * Files (hồ sơ): opened, filled, closed, exported as E-ARK packages. A file code is
 * {@code organId.year.notation} and the notation may contain '/', so the code takes the rest of the
 * path ({@code {*rest}}) and the action is its last segment: {@code …/package}, {@code …/eark-package},
 * {@code …/closure}, {@code …/records}. Plain slashes work; an encoded %2F is refused by the firewall, as
 * it should be.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Archive")
class FilesController {

    private static final String PACKAGE = "/package";
    private static final String EARK = "/eark-package";
    private static final String CLOSURE = "/closure";
    private static final String RECORDS = "/records";

    private final Archive archive;

    FilesController(ObjectProvider<ArchiveService> archive) {
        this.archive = new Archive(archive);
    }

    @PostMapping(path = "/files", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a file (hồ sơ)",
            description = "The fields of Decree 30/2020 Appendix VI, Part II, III. The file code is "
                    + "`organId.year.notation`; the notation may contain '/'. Documents ingested with this fond and "
                    + "file code are filed in it; their preservation period starts only when the file closes. "
                    + "Fields at fault are listed in `errors` with a stable `code` and `messageVi`.")
    @ProblemCodes({"METADATA_INVALID", "FILE_EXISTS", "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<ArchiveFile> open(@RequestBody FileForm form, @Parameter(hidden = true) Caller caller) {
        ArchiveFile f = archive.get().openFile(form.toRequest(), caller.actor());
        return ResponseEntity.created(URI.create("/api/v1/files/" + f.fondCode() + "/" + f.fileCode())).body(f);
    }

    @GetMapping("/files/{fondCode}/{*rest}")
    @Operation(summary = "A file with its totals and dates, or its packages",
            description = "`/files/{fondCode}/{fileCode}`: the file; `…/package`: every record as one BagIt bag; "
                    + "`…/eark-package`: every record as one E-ARK CSIP information package (METS, PREMIS 3, the "
                    + "Appendix VI description). " + RecordsController.ASYNC_EXPORT)
    @ProblemCodes({"FILE_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE",
            "ARCHIVE_FAILED"})
    ResponseEntity<?> get(@PathVariable String fondCode, @PathVariable String rest,
            @Parameter(description = RecordsController.PREFER + " (packages only)")
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) Caller caller) {
        String path = rest.startsWith("/") ? rest.substring(1) : rest;
        boolean async = ExportJobsController.respondAsync(prefer);
        if (path.endsWith(PACKAGE) && !path.endsWith(EARK)) {
            String fileCode = code(path, PACKAGE);
            return async ? ExportJobsController.accepted(archive.get(), ExportRequest.file(ExportFormat.BAGIT,
                    fondCode, fileCode, caller.actor(), caller.organisation()))
                    : RecordsController.download(archive.get().exportFile(fondCode, fileCode));
        }
        if (path.endsWith(EARK)) {
            String fileCode = code(path, EARK);
            return async ? ExportJobsController.accepted(archive.get(), ExportRequest.file(ExportFormat.EARK,
                    fondCode, fileCode, caller.actor(), caller.organisation()))
                    : RecordsController.download(archive.get().exportFileEark(fondCode, fileCode));
        }
        return ResponseEntity.ok(archive.get().file(fondCode, code(path, "")));
    }

    /** @param endedOn the day the matter ended, {@code YYYY-MM-DD}; today when absent */
    record Closure(String endedOn) {
    }

    /** @param recordId the archived record to file here */
    record Filing(String recordId) {
    }

    @PostMapping(path = "/files/{fondCode}/{*rest}")
    @Operation(summary = "Close a file, or file a record in it",
            description = "`…/closure` with `{\"endedOn\": \"YYYY-MM-DD\"}` closes the file: its totals are fixed "
                    + "and its documents' preservation period counts from the end of that year (Circular "
                    + "10/2022/TT-BNV). `…/records` with `{\"recordId\": …}` files an archived record in the open "
                    + "file. A closed file answers 409 FILE_CLOSED.")
    @ProblemCodes({"FILE_NOT_FOUND", "FILE_CLOSED", "METADATA_INVALID", "RECORD_NOT_FOUND", "CATALOGUE_UNAVAILABLE"})
    ArchiveFile post(@PathVariable String fondCode, @PathVariable String rest,
            @RequestBody(required = false) java.util.Map<String, String> body,
            @Parameter(hidden = true) Caller caller) {
        String path = rest.startsWith("/") ? rest.substring(1) : rest;
        java.util.Map<String, String> b = body == null ? java.util.Map.of() : body;
        if (path.endsWith(CLOSURE)) {
            return archive.get().closeFile(fondCode, code(path, CLOSURE), date(b.get("endedOn")), caller.actor());
        }
        if (path.endsWith(RECORDS)) {
            return archive.get().fileRecord(fondCode, code(path, RECORDS), b.get("recordId"), caller.actor());
        }
        throw new ArchiveException(ArchiveError.FILE_NOT_FOUND, "POST …/closure or …/records on a file");
    }

    @GetMapping("/records/{id}/eark-package")
    @Operation(summary = "The record as an E-ARK CSIP information package (METS, PREMIS 3, Appendix VI description)",
            description = RecordsController.ASYNC_EXPORT)
    @ProblemCodes({"RECORD_NOT_FOUND", "INTEGRITY_FAILURE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE",
            "ARCHIVE_FAILED"})
    ResponseEntity<?> exportRecordEark(@PathVariable String id,
            @Parameter(description = RecordsController.PREFER)
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) Caller caller) {
        if (ExportJobsController.respondAsync(prefer)) {
            return ExportJobsController.accepted(archive.get(),
                    ExportRequest.record(ExportFormat.EARK, id, caller.actor(), caller.organisation()));
        }
        return RecordsController.download(archive.get().exportRecordEark(id));
    }

    private static String code(String path, String suffix) {
        String code = path.substring(0, path.length() - suffix.length());
        if (code.isBlank()) {
            throw new ArchiveException(ArchiveError.FILE_NOT_FOUND, "no file code in the path");
        }
        return code;
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ArchiveException.invalidMetadata(List.of(new ArchiveException.FieldError("endedOn",
                    "not a date; use YYYY-MM-DD", vn.kyso.archive.FieldRules.NOT_A_DATE,
                    "Ngày kết thúc không hợp lệ; dùng dạng NNNN-TT-NN")));
        }
    }
}
