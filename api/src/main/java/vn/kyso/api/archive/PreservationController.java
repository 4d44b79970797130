package vn.kyso.api.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import vn.kyso.archive.ArchiveService;
import vn.kyso.access.Caller;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.JobKind;
import vn.kyso.archive.JobReport;
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
    @Operation(summary = "Run a preservation job now",
            description = "`fixity` re-reads every object and compares its digests; `revalidation` validates every "
                    + "record again; `timestamp-renewal` adds a fresh archive time-stamp where the evidence nears "
                    + "its end; `recovery` finishes or rolls back interrupted ingests; `evidence-records` gives "
                    + "records RFC 4998 evidence records, one time-stamp per hash tree, and renews them. A crashed "
                    + "run is resumed "
                    + "after the last record it finished. Results go to each record's history.")
    JobReport run(@PathVariable String kind) {
        JobKind k;
        try {
            k = JobKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(
                    "job is one of fixity, revalidation, timestamp-renewal, recovery, evidence-records");
        }
        return archive.get().runJob(k);
    }

    @GetMapping("/archive-jobs")
    @Operation(summary = "Recent job runs with their progress, newest first")
    List<JobReport> jobs() {
        return archive.get().jobs();
    }

    @PostMapping("/disposal-lists")
    @Operation(summary = "Draw up a disposal list",
            description = "Lists the records whose preservation period has ended by `asOf` (default today) and that "
                    + "carry no legal hold. Nothing is disposed until an archivist approves the list.")
    DisposalList propose(@RequestParam(required = false) LocalDate asOf,
            @Parameter(hidden = true) Caller caller) {
        return archive.get().proposeDisposal(asOf != null ? asOf : LocalDate.now(VietnamTime.OFFSET),
                caller.actor());
    }

    @GetMapping("/disposal-lists")
    @Operation(summary = "Every disposal list, approved or not, newest first")
    List<DisposalList> lists() {
        return archive.get().disposalLists();
    }

    @PostMapping("/disposal-lists/{id}/approval")
    @Operation(summary = "Approve a disposal list and dispose of its records",
            description = "Objects are deleted; the catalogue keeps a tombstone with the digests and the list is "
                    + "kept for good. Records put under legal hold since the list was drawn up are skipped.")
    DisposalList approve(@PathVariable long id,
            @Parameter(hidden = true) Caller caller) {
        return archive.get().approveDisposal(id, caller.actor());
    }
}
