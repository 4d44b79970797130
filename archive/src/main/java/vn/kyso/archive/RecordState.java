package vn.kyso.archive;

/**
 * Where a record is in its life. The JSON names are the constant names, as the API has always sent
 * them as strings.
 */
public enum RecordState {
    /** A synchronous ingest between its catalogue row and its last object; never shown. */
    PENDING,
    /** Accepted for asynchronous ingest: the original is stored, validation and evidence follow. */
    ACCEPTED,
    /** Archived: every object stored and retained. */
    ACTIVE,
    /** An accepted document that could not be archived; the reason is in its history. */
    FAILED,
    /** Disposed of by an approved disposal list: a tombstone with the digests. */
    DISPOSED
}
