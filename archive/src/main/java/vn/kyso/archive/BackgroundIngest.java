package vn.kyso.archive;

/**
 * What this instance's background workers have done with accepted ingests since it started: records
 * archived (ACTIVE) and records that could not be archived at all (FAILED). Counted, never reset, so a
 * monitoring system derives the bulk ingest rate from two readings; the backlog is
 * {@link ArchiveService#acceptedBacklog()}.
 */
public record BackgroundIngest(long archived, long failed) {

    public BackgroundIngest {
        if (archived < 0 || failed < 0) {
            throw new IllegalArgumentException("counts can't be negative");
        }
    }
}
