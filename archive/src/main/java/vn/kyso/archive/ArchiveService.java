package vn.kyso.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The long-term archive. Originals are stored untouched beside their augmented copy, validation
 * report and a manifest of digests; the catalogue never names an object that isn't stored, and no
 * object stays stored without its catalogue entry once ingest finishes or recovery runs.
 * Thread-safe.
 */
public interface ArchiveService {

    /**
     * Validates the document's signatures, augments them to B-LTA when they aren't already, stores
     * the original, the augmented copy, the reports and the manifest, and catalogues the record.
     *
     * @throws ArchiveException {@link ArchiveError#METADATA_INVALID} listing every field at fault,
     *     {@link ArchiveError#DUPLICATE_RECORD} for bytes already archived, {@link
     *     ArchiveError#STORAGE_UNAVAILABLE} / {@link ArchiveError#CATALOGUE_UNAVAILABLE} when a
     *     dependency is down (nothing is left half-stored)
     */
    RecordDetails ingest(IngestRequest request);

    /**
     * Asynchronous ingest, for bulk transfers: checks the metadata and duplicates, stores the
     * original durably and returns at once with state ACCEPTED; validation, augmentation and the
     * evidence follow in the background. The record turns ACTIVE, or FAILED with the reason in its
     * history when the document cannot be archived. A crash or an outage in between only delays it:
     * the recovery job finishes accepted records.
     */
    RecordDetails accept(IngestRequest request);

    /** Full-text and field search; the text matches with or without Vietnamese diacritics. */
    RecordPage search(RecordQuery query);

    /** Metadata, validation summary, evidence state, objects and history of one record. */
    RecordDetails record(String id);

    /** The original bytes exactly as ingested. */
    StoredFile content(String id);

    /** A ZIP of the evidence: the augmented copy, validation reports, manifest and history. */
    StoredFile evidence(String id);

    /** A BagIt package of one record that another archive can check on its own. */
    StoredFile exportRecord(String id);

    /** A BagIt package of every record of one file (hồ sơ). */
    StoredFile exportFile(String fondCode, String fileCode);

    /**
     * Whether a citizen's copy of a document named by a verification QR code is the archived
     * original: byte for byte ({@link IssuedCopyCheck.Match#IDENTICAL}), or a later PDF revision that
     * begins with exactly those bytes at a revision boundary and whose added bytes up to the end of the
     * file a signature's byte range covers ({@link IssuedCopyCheck.Match#EXTENDS_ORIGINAL}). Only the
     * catalogue's digest decides; whether the added signatures are valid is the validation's answer.
     */
    IssuedCopyCheck checkIssuedCopy(String documentId, byte[] copy);

    /**
     * The archived original a verification QR code names, with its digest from the catalogue, if a
     * record carries this document identifier.
     *
     * @throws ArchiveException {@link ArchiveError#INVALID_QUERY} for an identifier outside 1-64 letters,
     *     digits, '.', '_' or '-'
     */
    Optional<IssuedOriginal> issuedOriginal(String documentId);

    /** Runs a preservation job now (resuming an interrupted run of the same kind) and reports it. */
    JobReport runJob(JobKind kind);

    /** Recent job runs, newest first, with their progress. */
    List<JobReport> jobs();

    /** Sets or lifts a legal hold, which blocks disposal whatever the preservation period. */
    RecordDetails setLegalHold(String id, boolean hold, String reason, String actor);

    /**
     * Draws up a disposal list of the records whose preservation period has ended by {@code asOf}
     * and that carry no legal hold. Nothing is disposed until a second archivist approves it.
     */
    default DisposalList proposeDisposal(LocalDate asOf, String actor) {
        return proposeDisposal(asOf, actor, null);
    }

    /**
     * As {@link #proposeDisposal(LocalDate, String)}, drawn up by an archivist of {@code organisation}, whose
     * second approver must act for the same organisation.
     */
    DisposalList proposeDisposal(LocalDate asOf, String actor, String organisation);

    /**
     * Approves a proposed list by the decision ordering the disposal and disposes of its records: the
     * objects are deleted, the catalogue keeps a tombstone with the digests, and the list is kept for good
     * with its proposer, approver and decision. The approver is a second person, never the proposer, of the
     * list's organisation.
     *
     * @throws ArchiveException {@link ArchiveError#DISPOSAL_SAME_PERSON} when the proposer approves,
     *                          {@link ArchiveError#DISPOSAL_OTHER_ORGANISATION} when the approver acts for
     *                          another organisation, {@link ArchiveError#DISPOSAL_NOT_APPROVED} when the list is
     *                          no longer proposed, {@link ArchiveError#DISPOSAL_LIST_NOT_FOUND}
     */
    DisposalList approveDisposal(long listId, DisposalApproval approval);

    /** Every disposal list, newest first. */
    List<DisposalList> disposalLists();

    // ---------------------------------------------------------------- files (hồ sơ), issue #12

    /**
     * Opens a file (hồ sơ). Documents are filed in it by ingesting them with its fond and file code,
     * or by {@link #fileRecord}; until it closes their preservation period does not start.
     *
     * @throws ArchiveException {@link ArchiveError#FILE_EXISTS} when the fond already has this file code
     */
    ArchiveFile openFile(OpenFileRequest request, String actor);

    /**
     * A file with its totals and dates.
     *
     * @throws ArchiveException {@link ArchiveError#FILE_NOT_FOUND}
     */
    ArchiveFile file(String fondCode, String fileCode);

    /**
     * Files an archived record in an open file (it leaves the file it was in).
     *
     * @throws ArchiveException {@link ArchiveError#FILE_CLOSED}, {@link ArchiveError#FILE_NOT_FOUND},
     *     {@link ArchiveError#RECORD_NOT_FOUND}
     */
    ArchiveFile fileRecord(String fondCode, String fileCode, String recordId, String actor);

    /**
     * Closes a file: its totals and dates are fixed, and the preservation period of each of its
     * documents now counts from the end of the year the matter ended ({@code endedOn}, default today),
     * with the longer of the file's and the document's period.
     *
     * @throws ArchiveException {@link ArchiveError#FILE_CLOSED} when already closed, {@link
     *     ArchiveError#METADATA_INVALID} for an end date before the file's year or in the future
     */
    ArchiveFile closeFile(String fondCode, String fileCode, LocalDate endedOn, String actor);

    /** One record as an E-ARK CSIP information package (METS, PREMIS 3, Appendix VI description) in a ZIP. */
    StoredFile exportRecordEark(String id);

    /** Every record of a file (hồ sơ) as one E-ARK CSIP information package in a ZIP. */
    StoredFile exportFileEark(String fondCode, String fileCode);

    /**
     * Writes a note into a record's history without changing the record: what became of the document
     * after it was archived (e.g. the sender recalled or updated a letter received through edXML). The
     * archive is write-once, so this is how a later state is recorded.
     *
     * @param kind   the event's kind, upper case letters, digits and '_', e.g. {@code EDXML_RECALLED}
     * @param detail what happened, at most 1000 characters
     * @throws ArchiveException RECORD_NOT_FOUND, or METADATA_INVALID for a kind or detail out of shape
     */
    RecordDetails annotate(String id, String kind, String detail, String actor);

    // ---------------------------------------------------------------- jobs answered at once, issue #14

    /**
     * Starts a preservation job in the background and returns at once with its RUNNING run (resuming an
     * interrupted run of the same kind); {@link #job} then follows it from any instance, since the run's
     * state and progress live in the catalogue.
     *
     * @throws ArchiveException {@link ArchiveError#JOB_ALREADY_RUNNING} when a run of this kind is going
     */
    JobReport startJob(JobKind kind);

    /** One job run with its progress, if a run has this id. */
    Optional<JobReport> job(long id);

    /**
     * Starts building an export package in the background and returns at once with its RUNNING job (issue
     * #14). The job runs once, on this instance; its state, progress and outcome live in the catalogue and
     * the finished package in the object store, so {@link #exportJob} and {@link #exportResult} answer on
     * any instance.
     *
     * @throws ArchiveException {@link ArchiveError#RECORD_NOT_FOUND} or {@link ArchiveError#FILE_NOT_FOUND}
     *     before any thread starts, when there is nothing to export
     */
    ExportJob startExport(ExportRequest request);

    /**
     * One export job, if it exists and {@code organisation} may see it: only jobs requested for the same
     * organisation (null only sees jobs requested without one, as with access control off).
     */
    Optional<ExportJob> exportJob(long id, String organisation);

    /**
     * The package of a DONE export job, read from the object store.
     *
     * @throws ArchiveException {@link ArchiveError#EXPORT_NOT_READY} while it runs, after it failed or once
     *     the package expired; {@link ArchiveError#RECORD_NOT_FOUND} never: an unknown or foreign job is
     *     the caller's {@link #exportJob} answer
     */
    StoredFile exportResult(long id, String organisation);

    /**
     * How many records wait for the background half of an asynchronous ingest ({@link #accept}), across
     * every instance sharing the catalogue: the ingest backlog, for monitoring. Empty where the
     * implementation does not keep such records.
     */
    default java.util.OptionalLong acceptedBacklog() {
        return java.util.OptionalLong.empty();
    }

    /**
     * What the archive holds under the identifier a verification QR code carries, for the public lookup by
     * that identifier alone: existence, issuer, verdict and digest for every record, the whole entry only for
     * a public one (see {@link IssuedDocument}). Deciding whether the caller may ask (the link's token) is the
     * caller's business.
     *
     * @throws ArchiveException {@link ArchiveError#INVALID_QUERY} for an identifier outside 1-64 letters,
     *     digits, '.', '_' or '-'
     */
    Optional<IssuedDocument> issuedDocument(String documentId);

    /**
     * Accepted ingests this instance has archived or failed in the background since it started, for the
     * bulk ingest rate. Empty where the implementation has no background ingest.
     */
    default Optional<BackgroundIngest> backgroundIngest() {
        return Optional.empty();
    }
}
