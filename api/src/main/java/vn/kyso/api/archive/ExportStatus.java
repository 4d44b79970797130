package vn.kyso.api.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ErrorCatalog;
import vn.kyso.archive.ExportFormat;
import vn.kyso.archive.ExportJob;
import vn.kyso.archive.JobState;

/**
 * The status resource of an export answered with 202 Accepted ({@code GET /api/v1/archive-jobs/exports/{id}}),
 * shaped like a preservation job's ({@link JobStatus}): state, progress, links and, when it did not end
 * well, the problem with the cause's own code.
 */
@Schema(name = "ExportStatus", description = "An export built in the background: state, progress and, once "
        + "DONE, the link to the package")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportStatus(
        @Schema(example = "7") long id,
        @Schema(example = "BAGIT") ExportFormat format,
        @Schema(example = "file G09/G09.2026.01") String subject,
        @Schema(description = "RUNNING until it ends DONE or FAILED; INTERRUPTED when the instance building it "
                + "stopped (ask again)", example = "RUNNING") JobState state,
        JobStatus.Progress progress,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "The package's file name once DONE", example = "file-G09.2026.01.zip") String resultName,
        @Schema(description = "Its size in bytes once DONE", example = "5242880") Long resultBytes,
        @Schema(example = "package of 5242880 bytes ready") String message,
        Links links,
        @Schema(description = "Only for FAILED and INTERRUPTED: why, as an RFC 9457 problem with the cause's "
                + "code (e.g. INTEGRITY_FAILURE)") JobStatus.JobProblem problem) {

    static final String PATH = "/api/v1/archive-jobs/exports/";
    static final String RESULT = "/package";

    static ExportStatus of(ExportJob j) {
        URI self = URI.create(PATH + j.id());
        boolean done = j.state() == JobState.DONE;
        return new ExportStatus(j.id(), j.format(), j.subject(), j.state(), JobStatus.Progress.of(j.done(), j.total()),
                j.startedAt(), j.finishedAt(), done ? j.resultName() : null, done ? j.resultBytes() : null,
                j.message(), new Links(self, done ? URI.create(self + RESULT) : null), problem(j, self));
    }

    /** Where to look. */
    @Schema(name = "ExportLinks")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Links(@Schema(description = "This status resource; poll it") URI self,
            @Schema(description = "The package, once DONE (kept 24 hours)") URI result) {
    }

    private static JobStatus.JobProblem problem(ExportJob j, URI self) {
        String code = switch (j.state()) {
            case FAILED -> j.errorCode() != null ? j.errorCode() : ApiError.JOB_FAILED.code();
            case INTERRUPTED -> ApiError.JOB_INTERRUPTED.code();
            default -> null;
        };
        if (code == null) {
            return null;
        }
        ErrorCatalog.Entry entry = ErrorCatalog.entry(code);
        int status = entry != null ? entry.status() : 500;
        String title = entry != null ? entry.titleEn() : ApiError.JOB_FAILED.title();
        String titleVi = ErrorCatalog.titleVi(code);
        String detail = j.message() != null ? j.message() : title;
        String vi = j.state() == JobState.INTERRUPTED
                ? "Máy chủ lập gói xuất đã dừng; hãy yêu cầu xuất lại."
                : "Không lập được gói xuất: " + (titleVi != null ? titleVi : title);
        return new JobStatus.JobProblem(URI.create("urn:kyso:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')),
                title, status, detail, vi, self, code);
    }
}
