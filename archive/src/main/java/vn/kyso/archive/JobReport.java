package vn.kyso.archive;

import java.time.Instant;

/**
 * One run of a preservation job.
 *
 * @param state     RUNNING, DONE, FAILED or INTERRUPTED (a crash; the next run resumes it)
 * @param total     records to visit
 * @param processed records visited so far
 * @param failed    records whose check failed (each logged in its history)
 * @param message   a one-line result
 */
public record JobReport(long id, JobKind kind, JobState state, int total, int processed, int failed,
        Instant startedAt, Instant finishedAt, String message) {
}
