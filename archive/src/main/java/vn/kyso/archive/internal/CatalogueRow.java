package vn.kyso.archive.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.RecordSummary;
import vn.kyso.validation.Verdict;

/**
 * One record as the catalogue holds it, composed of what is known at different times: the original's
 * facts at admission, the findings once validation ran ({@link Findings#NONE} for an accepted record
 * still waiting), the retention and the bookkeeping.
 *
 * @param extractedText the full text, only on rows ingest built (the catalogue never reads it back)
 */
record CatalogueRow(UUID id, RecordState state, RecordMetadata metadata, OriginalFacts original,
        Findings findings, LocalDate disposableFrom, boolean legalHold, Instant ingestedAt, String ingestedBy,
        Instant lastFixityAt, String extractedText) {

    CatalogueRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }

    /** An accepted record: the original stored, nothing validated yet. */
    static CatalogueRow accepted(UUID id, RecordMetadata metadata, OriginalFacts original, Instant at,
            String actor) {
        return new CatalogueRow(id, RecordState.ACCEPTED, metadata,
                original, Findings.NONE, metadata.preservation().endsAfter(metadata.documentDate()), false, at,
                actor, null, null);
    }

    /** The same row once its ingest completed (state ACTIVE). */
    CatalogueRow activated() {
        return new CatalogueRow(id, RecordState.ACTIVE, metadata, original, findings, disposableFrom, legalHold,
                ingestedAt, ingestedBy, lastFixityAt, extractedText);
    }

    /** The same row with another first disposal date (a file's closing year decides it, not the planner). */
    CatalogueRow withDisposableFrom(LocalDate date) {
        return new CatalogueRow(id, state, metadata, original, findings, date, legalHold, ingestedAt, ingestedBy,
                lastFixityAt, extractedText);
    }

    /** The original exactly as ingested. */
    record OriginalFacts(String name, String mediaType, long size, String sha256, String sha512) {
        OriginalFacts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(sha512, "sha512");
        }

        RecordDetails.Original toApi(Instant ingestedAt) {
            return new RecordDetails.Original(name, mediaType, size, sha256, sha512, ingestedAt);
        }
    }

    /**
     * What validation and augmentation found.
     *
     * @param levelAtIngest the weakest signature's format and level, e.g. PAdES-BASELINE-B (the format
     *                      is part of it, so it is not a bare {@code SignatureLevel})
     */
    record Findings(Verdict verdict, Instant validatedAt, String levelAtIngest, boolean augmented,
            Instant lastTimestamp, Instant renewBy) {

        /** Nothing validated yet (an accepted record). */
        static final Findings NONE = new Findings(null, null, null, false, null, null);

        RecordDetails.Evidence toApi() {
            return new RecordDetails.Evidence(levelAtIngest, augmented, lastTimestamp, renewBy);
        }
    }

    RecordSummary summary() {
        RecordMetadata m = metadata;
        return new RecordSummary(id.toString(), m.fondCode(), m.fileCode(), m.numberSymbol(), m.documentDate(),
                m.documentType(), m.issuer(), m.subject(), m.signer(), m.accessRegime(), findings.verdict(),
                ingestedAt, state);
    }
}
