package vn.kyso.archive.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordPage;
import vn.kyso.archive.RecordQuery;
import vn.kyso.archive.RecordState;
import vn.kyso.archive.StoredFile;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.Verdict;

/** Reading the archive: search, a record's details, its original and its evidence bundle. */
final class RecordReader {

    private static final Logger log = LoggerFactory.getLogger(RecordReader.class);

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final HistoryTable history;
    private final RecordSearch search;
    private final StoredObjects objects;
    /**
     * Where each active record's original is: write-once facts, so retrieval skips the catalogue
     * round trip. Entries live a minute, so a disposal approved on another instance is seen soon;
     * until then a read of a disposed record fails on the missing object, never returns stale bytes.
     */
    private final ExpiringCache<UUID, Catalogue.OriginalRef> originals = new ExpiringCache<>(10_000,
            Duration.ofMinutes(1));

    RecordReader(Catalogue catalogue, ObjectTable objectTable, HistoryTable history, RecordSearch search,
            StoredObjects objects) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.history = history;
        this.search = search;
        this.objects = objects;
    }

    RecordPage search(RecordQuery query) {
        return search.search(query);
    }

    RecordDetails record(String id) {
        CatalogueRow row = row(id);
        return details(row, objectTable.of(row.id()));
    }

    /**
     * The details of a record this process has just ingested, built from what it wrote: the same answer as
     * {@link #record} (IngestTest compares them) without reading the row, its objects, its history and
     * its validation report back from the catalogue and the store.
     */
    RecordDetails ingested(IngestPipeline.Ingested done) {
        CatalogueRow row = done.row();
        RecordDetails.ValidationSummary summary = done.validationJson() == null ? null
                : validationSummary(done::validationJson, row);
        return new RecordDetails(row.id().toString(), row.state(), row.metadata(),
                row.original().toApi(row.ingestedAt()), summary, row.findings().toApi(),
                new RecordDetails.Retention(row.metadata().preservation(), row.disposableFrom(), row.legalHold()),
                // In the order a read gives (ObjectTable.of: role's wire name, then generation).
                done.rows().stream().sorted(java.util.Comparator.comparing((ObjectRow o) -> o.role().wireName())
                        .thenComparingInt(ObjectRow::generation)).map(ObjectRow::toApi).toList(),
                List.of(done.event()));
    }

    private RecordDetails details(CatalogueRow row, List<ObjectRow> rows) {
        RecordDetails.ValidationSummary summary = null;
        Optional<ObjectRow> report = ObjectRow.latest(rows, ObjectRole.VALIDATION);
        if (report.isPresent() && row.state() != RecordState.DISPOSED) {
            summary = validationSummary(() -> objects.readUnverified(report.get()), row);
        }
        return new RecordDetails(row.id().toString(), row.state(), row.metadata(),
                row.original().toApi(row.ingestedAt()), summary, row.findings().toApi(),
                new RecordDetails.Retention(row.metadata().preservation(), row.disposableFrom(), row.legalHold()),
                rows.stream().map(ObjectRow::toApi).toList(), history.of(row.id()));
    }

    private RecordDetails.ValidationSummary validationSummary(java.util.function.Supplier<byte[]> reportJson,
            CatalogueRow row) {
        Verdict verdict = row.findings().verdict();
        Instant validatedAt = row.findings().validatedAt();
        try {
            JsonNode node = ArchiveJson.read(reportJson.get());
            List<RecordDetails.SignatureLine> lines = new ArrayList<>();
            for (JsonNode s : node.path("signatures")) {
                String family = text(s, "family");
                String lineVerdict = text(s, "verdict");
                lines.add(new RecordDetails.SignatureLine(text(s, "signerName"), text(s, "organisation"),
                        family == null ? null : KeyFamily.valueOf(family), text(s, "format"),
                        lineVerdict == null ? null : Verdict.valueOf(lineVerdict),
                        s.hasNonNull("claimedSigningTime") ? Instant.parse(s.get("claimedSigningTime").asText()) : null));
            }
            return new RecordDetails.ValidationSummary(verdict, node.path("summary").path("vi").asText(null),
                    node.path("summary").path("en").asText(null), lines, validatedAt);
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("validation report of {} unreadable: {}", row.id(), e.toString());
            return new RecordDetails.ValidationSummary(verdict, null, null, List.of(), validatedAt);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    StoredFile content(String id) {
        UUID uuid = parseId(id);
        Catalogue.OriginalRef ref = originals.get(uuid);
        if (ref == null) {
            ref = catalogue.original(uuid).orElseThrow(() ->
                    new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id));
            if (ref.state() == RecordState.ACTIVE) {
                originals.put(uuid, ref);
            }
        }
        if (ref.state() != RecordState.ACTIVE) {
            activeRow(id);
        }
        if (ref.key() == null) {
            throw new ArchiveException(ArchiveError.INTEGRITY_FAILURE, "the record has no original object");
        }
        byte[] content = objects.readVerified(ref.key(), ref.sha256(), id);
        return new StoredFile(ref.name(), ref.mediaType(), content);
    }

    StoredFile evidence(String id) {
        CatalogueRow row = activeRow(id);
        List<Packages.Entry> entries = new ArrayList<>();
        for (ObjectRow o : objectTable.of(row.id())) {
            if (o.role() != ObjectRole.ORIGINAL) {
                entries.add(new Packages.Entry(ObjectNames.evidenceName(o), objects.readVerified(o)));
            }
        }
        entries.add(new Packages.Entry("history.json", ArchiveJson.write(history.of(row.id()))));
        return new StoredFile(ObjectNames.stem(row.original().name()) + "-evidence.zip", "application/zip",
                Packages.zip(entries));
    }

    /** Forgets where a record's original was (it was just disposed of). */
    void forget(UUID id) {
        originals.remove(id);
    }

    /** A record that exists and is not mid-ingest. */
    CatalogueRow row(String id) {
        UUID uuid = parseId(id);
        return catalogue.find(uuid).filter(r -> r.state() != RecordState.PENDING).orElseThrow(() ->
                new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id));
    }

    /** A record that is ACTIVE; the others are explained as not found. */
    CatalogueRow activeRow(String id) {
        CatalogueRow row = row(id);
        if (row.state() != RecordState.ACTIVE) {
            throw new ArchiveException(ArchiveError.RECORD_NOT_FOUND, switch (row.state()) {
                case DISPOSED -> "record " + id + " was disposed of";
                case ACCEPTED -> "record " + id + " is still being processed";
                default -> "record " + id + " could not be archived; see its history";
            });
        }
        return row;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(Objects.requireNonNull(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + id);
        }
    }
}
