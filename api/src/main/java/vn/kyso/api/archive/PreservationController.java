package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.archive.ArchiveService;
import vn.kyso.access.Caller;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;
import vn.kyso.core.VietnamTime;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Archive")
class PreservationController {

    private final Archive archive;

    PreservationController(ObjectProvider<ArchiveService> archive) {
        this.archive = new Archive(archive);
    }

    @PostMapping("/archive-jobs/{kind}")
    @Operation(operationId = "startArchiveJob", summary = "Start a preservation job",
            description = "`fixity` re-reads every object and compares its digests; `revalidation` validates every "
                    + "record again; `timestamp-renewal` adds a fresh archive time-stamp where the evidence nears "
                    + "its end; `recovery` finishes or rolls back interrupted ingests; `evidence-records` gives "
                    + "records RFC 4998 evidence records, one time-stamp per hash tree, and renews them. A crashed "
                    + "run is resumed after the last record it finished. Results go to each record's history.\n\n"
                    + "Answers **202 Accepted** at once with `Location: /api/v1/archive-jobs/{id}`, the status to poll "
                    + "(any instance answers it: the state is in the catalogue). A client that wants the old "
                    + "synchronous answer sends `Prefer: wait=N` (RFC 7240): the request is held up to N seconds "
                    + "(at most " + JobWaits.MAX_WAIT_SECONDS + ") and answers 200 with the ended run, or still 202 "
                    + "if it runs longer.")
    @ApiResponse(responseCode = "202", description = "Started; poll the Location",
            headers = {
                @Header(name = "Location", description = "/api/v1/archive-jobs/{id}"),
                @Header(name = "Retry-After", description = "Seconds before the first poll is worth it")
            },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobStatus.class)))
    @ApiResponse(responseCode = "200", description = "With `Prefer: wait=N`, the run ended within N seconds",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobStatus.class)))
    @ProblemCodes({"JOB_ALREADY_RUNNING", "CATALOGUE_UNAVAILABLE"})
    ResponseEntity<JobStatus> run(@PathVariable String kind,
            @Parameter(description = "`wait=N`: hold the request up to N seconds for the job to end "
                    + "(RFC 7240); without it the answer is 202 at once", example = "wait=60")
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        JobKind k;
        try {
            k = JobKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(
                    "job is one of fixity, revalidation, timestamp-renewal, recovery, evidence-records");
        }
        ArchiveService service = archive.get();
        JobReport started = service.startJob(k);
        java.time.Duration wait = JobWaits.requested(prefer);
        JobReport now = wait.isZero() ? started : JobWaits.until(service, started.id(), wait);
        JobStatus status = JobStatus.of(now);
        if (now.state() != JobState.RUNNING) {
            return ResponseEntity.ok().header("Preference-Applied", "wait=" + wait.toSeconds()).body(status);
        }
        return ResponseEntity.accepted().location(URI.create(JobStatus.PATH + now.id()))
                .header(HttpHeaders.RETRY_AFTER, "2").body(status);
    }

    @GetMapping("/archive-jobs/{id:\\d+}")
    @Operation(operationId = "getArchiveJob", summary = "The status of one job run",
            description = "State, progress (done of total), the result link once it ended and, when it failed "
                    + "or its instance stopped, the problem in English and Vietnamese.")
    @ApiResponse(responseCode = "200", description = "The run",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobStatus.class)))
    @ProblemCodes({"JOB_NOT_FOUND", "CATALOGUE_UNAVAILABLE"})
    JobStatus job(@PathVariable long id) {
        return archive.get().job(id).map(JobStatus::of)
                .orElseThrow(() -> new ApiException(ApiError.JOB_NOT_FOUND, "No job run " + id));
    }

    @GetMapping("/archive-jobs")
    @Operation(summary = "Recent job runs with their progress, newest first")
    @ProblemCodes({"CATALOGUE_UNAVAILABLE"})
    List<JobReport> jobs() {
        return archive.get().jobs();
    }

    @PostMapping("/disposal-lists")
    @Operation(summary = "Draw up a disposal list",
            description = "Lists the records whose preservation period has ended by `asOf` (default today) and that "
                    + "carry no legal hold. Nothing is disposed until a second archivist of the same organisation "
                    + "approves the list under a numbered decision.")
    @ProblemCodes({"CATALOGUE_UNAVAILABLE"})
    DisposalList propose(@RequestParam(required = false) LocalDate asOf,
            @Parameter(hidden = true) Caller caller) {
        return archive.get().proposeDisposal(asOf != null ? asOf : LocalDate.now(VietnamTime.OFFSET),
                caller.actor(), caller.organisation());
    }

    /**
     * The decision under which a disposal list is approved.
     *
     * @param decisionNumber số, ký hiệu of the decision ordering the disposal, e.g. 15/QĐ-UBND
     * @param decisionDate   its date
     */
    record DisposalDecision(String decisionNumber, LocalDate decisionDate) {
    }

    @GetMapping("/disposal-lists")
    @Operation(summary = "Every disposal list, approved or not, newest first")
    @ProblemCodes({"CATALOGUE_UNAVAILABLE"})
    List<DisposalList> lists() {
        return archive.get().disposalLists();
    }

    @PostMapping("/disposal-lists/{id}/approval")
    @Operation(summary = "Approve a disposal list and dispose of its records",
            description = "A second archivist of the list's organisation approves it under the decision ordering "
                    + "the disposal (`decisionNumber`, `decisionDate`); whoever drew the list up may not "
                    + "(403 DISPOSAL_SAME_PERSON), nor another organisation's archivist (403 "
                    + "DISPOSAL_OTHER_ORGANISATION); without the decision 400 DISPOSAL_DECISION_INVALID. "
                    + "Objects are deleted; the catalogue keeps a tombstone with the digests and the list is "
                    + "kept for good with the decision. Records put under legal hold since the list was drawn up "
                    + "are skipped.")
    @ProblemCodes({"DISPOSAL_LIST_NOT_FOUND", "DISPOSAL_SAME_PERSON", "DISPOSAL_OTHER_ORGANISATION",
            "DISPOSAL_DECISION_INVALID", "RETENTION_ACTIVE", "STORAGE_UNAVAILABLE", "CATALOGUE_UNAVAILABLE"})
    DisposalList approve(@PathVariable long id, @RequestBody(required = false) DisposalDecision decision,
            @Parameter(hidden = true) Caller caller) {
        DisposalDecision d = decision != null ? decision : new DisposalDecision(null, null);
        DisposalList done = archive.get().approveDisposal(id, new DisposalApproval(caller.actor(),
                caller.organisation(), d.decisionNumber(), d.decisionDate()));
        AuditNotes.note("decision " + done.decisionNumber() + " of " + done.decisionDate() + ", proposed by "
                + done.createdBy());
        return done;
    }
}
