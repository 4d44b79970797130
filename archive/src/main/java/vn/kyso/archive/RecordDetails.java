package vn.kyso.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Verdict;

/**
 * Everything the catalogue knows about one record.
 *
 * @param id           the record identifier
 * @param state        ACTIVE; ACCEPTED or FAILED for an asynchronous ingest; DISPOSED for a tombstone
 * @param metadata     the archive metadata
 * @param original     the original as ingested
 * @param validation   the verdict at ingest or at the last re-validation
 * @param evidence     the long-term evidence kept for the signatures
 * @param retention    when the record may be disposed of and what blocks it
 * @param objects      the stored objects
 * @param history      every event, oldest first
 */
public record RecordDetails(
        String id,
        RecordState state,
        RecordMetadata metadata,
        Original original,
        ValidationSummary validation,
        Evidence evidence,
        Retention retention,
        List<StoredObject> objects,
        List<HistoryEvent> history) {

    public RecordDetails {
        objects = List.copyOf(objects);
        history = List.copyOf(history);
    }

    /** The original file: its name, type, size and digests. */
    public record Original(String name, String mediaType, long size, String sha256, String sha512,
            Instant ingestedAt) {
    }

    /**
     * @param verdict     VALID, INVALID, INDETERMINATE or UNSIGNED
     * @param headlineVi  the plain verdict in Vietnamese
     * @param headlineEn  the same in English
     * @param signatures  one line per signature
     * @param validatedAt when the validation ran
     */
    public record ValidationSummary(Verdict verdict, String headlineVi, String headlineEn,
            List<SignatureLine> signatures, Instant validatedAt) {
        public ValidationSummary {
            signatures = List.copyOf(signatures);
        }
    }

    /** One signature, in brief. */
    public record SignatureLine(String signer, String organisation, KeyFamily family, String format, Verdict verdict,
            Instant signingTime) {
    }

    /**
     * @param levelAtIngest  the weakest signature level found at ingest, e.g. PAdES-BASELINE-B
     * @param augmented      whether the archive added long-term evidence itself
     * @param lastTimestamp  the time of the newest archive time-stamp, if any
     * @param renewBy        when the evidence must be renewed (before the time-stamp's certificate lapses)
     */
    public record Evidence(String levelAtIngest, boolean augmented, Instant lastTimestamp, Instant renewBy) {
    }

    /**
     * @param preservation  the preservation period
     * @param disposableFrom the first day disposal may be considered, null for permanent records
     * @param legalHold      whether a legal hold blocks disposal
     */
    public record Retention(PreservationPeriod preservation, LocalDate disposableFrom, boolean legalHold) {
    }

    /** A stored object of the record. */
    public record StoredObject(ObjectRole role, int generation, String name, String mediaType, long size, String sha256,
            String sha512, Instant storedAt) {
    }

    /**
     * One entry of the record's history: ingest, fixity check, re-validation, renewal, hold, disposal.
     *
     * @param detail    the sentence as stored (English, as the archive has always written it)
     * @param detailText the detail's stable code and parameters, for a page in the reader's language; null for
     *                  a detail of no known shape ({@link HistoryText})
     */
    public record HistoryEvent(Instant at, String kind, String outcome, String detail, String actor,
            HistoryText detailText) {

        /** An entry as stored: its code and parameters are read from the detail. */
        public HistoryEvent(Instant at, String kind, String outcome, String detail, String actor) {
            this(at, kind, outcome, detail, actor, HistoryText.explain(kind, outcome, detail));
        }
    }
}
