package vn.kyso.archive;

/** Where a run of a preservation job is. */
public enum JobState {
    /** Running, with a heartbeat. */
    RUNNING,
    /** Finished; its message says what it found. */
    DONE,
    /** Stopped on an error (a dependency down); the next run starts afresh. */
    FAILED,
    /** Crashed (no heartbeat); the next run of the same kind resumes after its cursor. */
    INTERRUPTED
}
