package vn.kyso.api.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import vn.kyso.api.error.ApiError;
import vn.kyso.archive.JobReport;
import vn.kyso.archive.JobState;

/**
 * The status resource of a job answered with 202 Accepted ({@code GET /api/v1/archive-jobs/{id}}). It
 * keeps the fields the synchronous answer had (a {@link JobReport}) so older clients read it unchanged,
 * and adds the progress, the links and, when the job did not end well, the problem.
 */
@Schema(name = "JobStatus", description = "A preservation job run: state, progress and, once ended, its outcome")
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobStatus(
        @Schema(example = "42") long id,
        @Schema(example = "FIXITY") String kind,
        @Schema(description = "RUNNING until it ends DONE, FAILED or INTERRUPTED (its instance stopped; the next "
                + "run of the kind resumes it)", example = "RUNNING") JobState state,
        @Schema(example = "1200") int total,
        @Schema(example = "350") int processed,
        @Schema(description = "Records whose check failed, each logged in its history", example = "0") int failed,
        Progress progress,
        Instant startedAt,
        Instant finishedAt,
        @Schema(example = "1200 records checked, 0 failed") String message,
        Links links,
        @Schema(description = "Only for FAILED and INTERRUPTED: why, as an RFC 9457 problem") JobProblem problem) {

    static final String PATH = "/api/v1/archive-jobs/";

    static JobStatus of(JobReport r) {
        URI self = URI.create(PATH + r.id());
        // A preservation job writes its results into each record's history; the run's own outcome is the
        // message, so the result link is the finished run itself.
        URI result = r.state() == JobState.RUNNING ? null : self;
        return new JobStatus(r.id(), r.kind().name(), r.state(), r.total(), r.processed(), r.failed(),
                Progress.of(r.processed(), r.total()), r.startedAt(), r.finishedAt(), r.message(),
                new Links(self, result, URI.create("/api/v1/archive-jobs")), JobProblem.of(r, self));
    }

    /** How far the run is. */
    @Schema(name = "JobProgress")
    record Progress(@Schema(example = "350") int done, @Schema(example = "1200") int total,
            @Schema(description = "done/total in per cent, rounded down; 100 when there is nothing to do",
                    example = "29") int percent) {

        static Progress of(int done, int total) {
            return new Progress(done, total, total <= 0 ? 100 : (int) Math.min(100, done * 100L / total));
        }
    }

    /** Where to look. */
    @Schema(name = "JobLinks")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Links(@Schema(description = "This status resource; poll it") URI self,
            @Schema(description = "The outcome once the job ended") URI result,
            @Schema(description = "Every recent run") URI jobs) {
    }

    /** The problem a failed or interrupted run ended with, in English and Vietnamese. */
    @Schema(name = "JobProblem")
    record JobProblem(URI type, String title, int status, String detail, String detailVi, URI instance,
            String code) {

        static JobProblem of(JobReport r, URI self) {
            ApiError error = switch (r.state()) {
                case FAILED -> ApiError.JOB_FAILED;
                case INTERRUPTED -> ApiError.JOB_INTERRUPTED;
                default -> null;
            };
            if (error == null) {
                return null;
            }
            String detail = r.message() != null ? r.message() : error.title();
            String vi = error == ApiError.JOB_FAILED
                    ? "Công việc bảo quản dừng vì lỗi: " + detail
                    : "Máy chủ chạy công việc bảo quản đã dừng; lần chạy sau cùng loại sẽ tiếp tục từ hồ sơ cuối cùng "
                            + "đã xử lý.";
            int status = error == ApiError.JOB_FAILED ? 500 : 503;
            return new JobProblem(URI.create("urn:kyso:problem:" + error.code().toLowerCase(Locale.ROOT)
                    .replace('_', '-')), error.title(), status, detail, vi, self, error.code());
        }
    }
}
