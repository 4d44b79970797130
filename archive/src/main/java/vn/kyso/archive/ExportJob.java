package vn.kyso.archive;

import java.time.Instant;

/**
 * An export built in the background: its state and progress as the catalogue holds them (so any instance
 * answers), and once DONE the package waiting in the object store ({@link ArchiveService#exportResult}).
 *
 * @param subject     what is exported, e.g. {@code record 7c0…} or {@code file 01/000.00.00.H99.2026.01}
 * @param state       RUNNING, then DONE or FAILED; INTERRUPTED when the instance building it stopped
 * @param total       records to put in the package
 * @param done        records in it so far
 * @param resultName  the package's file name once DONE
 * @param resultBytes its size once DONE, else 0
 * @param errorCode   the archive's error code a FAILED export stopped with (e.g. INTEGRITY_FAILURE)
 * @param message     a one-line outcome
 */
public record ExportJob(long id, ExportFormat format, String subject, JobState state, int total, int done,
        Instant startedAt, Instant finishedAt, String resultName, long resultBytes, String errorCode,
        String message) {
}
