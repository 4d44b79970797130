package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveSettings;
import vn.kyso.archive.EvidenceHash;
import vn.kyso.archive.EvidenceRecordSettings;
import vn.kyso.archive.ObjectRole;

/**
 * The evidence-record job (RFC 4998, ADR 0023). In this order: records whose evidence is under another
 * hash than the configured one are rehashed (hash-tree renewal, a new chain); records whose newest
 * archive time-stamp nears its TSA certificate's end get a time-stamp renewal (appended to the chain),
 * one TSA call per earlier tree; records without evidence get their first. New trees hold at most
 * {@code treeSize} records and are time-stamped once each. Every evidence record is a new object
 * generation, written as an ingest writes: intent, put, catalogue rows, intent resolved.
 */
final class EvidenceRecordJob {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecordJob.class);
    private static final String MEDIA_TYPE = "application/octet-stream";

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final EvidenceTable table;
    private final WriteIntents intents;
    private final HistoryTable history;
    private final StoredObjects objects;
    private final CatalogueDb db;
    private final TimeStamper tsa;
    private final EvidenceRecordSettings settings;
    private final ArchiveSettings archive;
    private final Clock clock;

    EvidenceRecordJob(CatalogueDb db, Catalogue catalogue, ObjectTable objectTable, EvidenceTable table,
            WriteIntents intents, HistoryTable history, StoredObjects objects, EvidenceRecordSettings settings,
            ArchiveSettings archive, Clock clock) {
        this.db = db;
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.table = table;
        this.intents = intents;
        this.history = history;
        this.objects = objects;
        this.settings = settings;
        this.archive = archive;
        this.clock = clock;
        this.tsa = settings.tsaUrl() == null ? null : new TimeStamper(settings.tsaUrl(), settings.networkTimeout());
    }

    /** Runs the three steps; the message says what each did and how many time-stamps it took. */
    String run() {
        if (tsa == null) {
            throw new ArchiveException(ArchiveError.EVIDENCE_UNAVAILABLE, "evidence records need a time-stamp "
                    + "authority (kyso.archive.evidence-records.tsa-url); none is configured");
        }
        long before = tsa.calls();
        EvidenceHash hash = settings.hash();
        int rehashed = 0;
        UUID cursor = null;
        for (List<EvidenceTable.Current> batch = table.underOtherHash(hash, null, settings.treeSize());
                !batch.isEmpty(); batch = table.underOtherHash(hash, cursor, settings.treeSize())) {
            List<UUID> ids = batch.stream().map(EvidenceTable.Current::recordId).toList();
            List<ErsTrees.Leaf> leaves = new ArrayList<>();
            for (EvidenceTable.Current c : batch) {
                leaves.add(new ErsTrees.Leaf(dataDigests(c.recordId(), hash), currentRecord(c.recordId())));
            }
            store(ids, stampTree(ErsTrees.tree(hash, leaves)), "hash-tree renewal under " + hash.jcaName());
            rehashed += ids.size();
            cursor = ids.get(ids.size() - 1);
        }
        int renewed = renewTimeStamps(hash);
        int first = 0;
        cursor = null;
        for (List<UUID> ids = table.withoutEvidence(null, settings.treeSize()); !ids.isEmpty();
                ids = table.withoutEvidence(cursor, settings.treeSize())) {
            List<ErsTrees.Leaf> leaves = new ArrayList<>();
            for (UUID id : ids) {
                leaves.add(new ErsTrees.Leaf(dataDigests(id, hash), null));
            }
            store(ids, stampTree(ErsTrees.tree(hash, leaves)), "first evidence record (" + hash.jcaName() + ")");
            first += ids.size();
            cursor = ids.get(ids.size() - 1);
        }
        return first + " records got a first evidence record, " + renewed + " a time-stamp renewal, " + rehashed
                + " a hash-tree renewal; " + (tsa.calls() - before) + " time-stamps";
    }

    /** One TSA call per group of records whose newest archive time-stamp is the same. */
    private int renewTimeStamps(EvidenceHash hash) {
        Instant now = clock.instant();
        List<EvidenceTable.Current> due = table.due(now.plus(settings.renewalMargin()),
                now.minus(archive.maxEvidenceAge()), hash);
        int renewed = 0;
        int from = 0;
        while (from < due.size()) {
            int to = from;
            while (to < due.size() && due.get(to).groupKey().equals(due.get(from).groupKey())
                    && to - from < settings.treeSize()) {
                to++;
            }
            List<UUID> ids = due.subList(from, to).stream().map(EvidenceTable.Current::recordId).toList();
            List<byte[]> previous = ids.stream().map(this::currentRecord).toList();
            TimeStampRequest request = ErsTrees.renewalRequest(previous.get(0));
            TimeStampResponse response = stamp(request);
            List<byte[]> renewedRecords = new ArrayList<>();
            for (byte[] p : previous) {
                renewedRecords.add(ErsTrees.renewed(p, response));
            }
            store(ids, renewedRecords, "time-stamp renewal");
            renewed += ids.size();
            from = to;
        }
        return renewed;
    }

    private List<byte[]> stampTree(ErsTrees.Tree tree) {
        TimeStampResponse response = stamp(tree.request());
        try {
            return ErsTrees.records(tree, response);
        } catch (TSPException e) {
            throw new ArchiveException(ArchiveError.ARCHIVE_FAILED, "the evidence records of a hash tree cannot be "
                    + "built from the TSA's answer", e);
        }
    }

    private TimeStampResponse stamp(TimeStampRequest request) {
        try {
            return ErsTrees.answer(request, tsa.stamp(request.getEncoded()));
        } catch (TSPException | java.io.IOException e) {
            throw new ArchiveException(ArchiveError.EVIDENCE_UNAVAILABLE,
                    "the time-stamp authority's answer does not fit the request: " + e.getMessage(), e);
        }
    }

    /** The record's current evidence record, read back and checked against its digest. */
    private byte[] currentRecord(UUID id) {
        ObjectRow o = ObjectRow.latest(objectTable.of(id), ObjectRole.EVIDENCE_RECORD)
                .orElseThrow(() -> new ArchiveException(ArchiveError.INTEGRITY_FAILURE,
                        "record " + id + " has an evidence row but no evidence-record object"));
        return objects.readVerified(o);
    }

    /**
     * The digests of what a record's evidence covers: the original, the signed data of a detached
     * signature and the newest long-term copy. SHA-256 and SHA-512 come from the catalogue (checked by
     * every fixity run); another hash reads the objects.
     */
    private List<byte[]> dataDigests(UUID id, EvidenceHash hash) {
        List<ObjectRow> rows = objectTable.of(id);
        List<ObjectRow> covered = new ArrayList<>();
        ObjectRow.latest(rows, ObjectRole.ORIGINAL).ifPresent(covered::add);
        ObjectRow.latest(rows, ObjectRole.SIGNED_DATA).ifPresent(covered::add);
        ObjectRow.latest(rows, ObjectRole.AUGMENTED).ifPresent(covered::add);
        Function<ObjectRow, byte[]> digest = switch (hash) {
            case SHA_256 -> o -> HexFormat.of().parseHex(o.sha256());
            case SHA_512 -> o -> HexFormat.of().parseHex(o.sha512());
            default -> o -> ErsTrees.hash(hash, objects.readVerified(o));
        };
        return covered.stream().map(digest).toList();
    }

    /** Stores each record's new evidence record as its next generation, one catalogue transaction per tree. */
    private void store(List<UUID> ids, List<byte[]> records, String what) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<EvidencePlanner.Planned> planned = new ArrayList<>();
        List<ObjectRow> rows = new ArrayList<>();
        List<EvidenceTable.Current> current = new ArrayList<>();
        List<CatalogueRow> catalogued = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            CatalogueRow row = catalogue.find(id).orElseThrow();
            int generation = ObjectRow.latest(objectTable.of(id), ObjectRole.EVIDENCE_RECORD)
                    .map(ObjectRow::generation).orElse(0) + 1;
            EvidencePlanner.Planned p = new EvidencePlanner.Planned(ObjectRole.EVIDENCE_RECORD, generation,
                    ObjectNames.stem(row.original().name()) + ".ers", MEDIA_TYPE, records.get(i));
            ErsTrees.Info info = ErsTrees.info(records.get(i));
            planned.add(p);
            rows.add(p.row(id, now));
            catalogued.add(row);
            current.add(new EvidenceTable.Current(id, generation, info.hash(), info.chains(), info.groupKey(),
                    info.stampedAt(), info.tsaCertificateExpiry()));
        }
        // Intent first: between the put and the catalogue row the key is unknown, and the recovery
        // sweep (on any instance) must not take it for an orphan.
        Instant declared = clock.instant();
        rows.forEach(o -> intents.declare(o.key(), o.recordId(), "EVIDENCE_RECORD", declared));
        objects.putAll(planned, rows);
        db.inTransaction(() -> {
            for (int i = 0; i < rows.size(); i++) {
                objectTable.insert(rows.get(i));
                table.put(current.get(i));
                history.add(ids.get(i), now, "EVIDENCE_RECORD", "OK", what + " (generation "
                        + rows.get(i).generation() + "), tree of " + ids.size() + " records, next renewal by "
                        + renewBy(current.get(i)), "system");
            }
            return null;
        });
        rows.forEach(o -> intents.resolve(o.key()));
        for (int i = 0; i < rows.size(); i++) {
            objects.protect(catalogued.get(i), List.of(rows.get(i)));
        }
        log.info("{} for {} records", what, ids.size());
    }

    /** Before the TSA certificate of the newest time-stamp lapses, and within the archive's evidence age. */
    private Instant renewBy(EvidenceTable.Current c) {
        Instant byAge = c.stampedAt().plus(archive.maxEvidenceAge());
        if (c.tsaExpiresAt() == null) {
            return byAge;
        }
        Instant byCertificate = c.tsaExpiresAt().minus(settings.renewalMargin());
        return byCertificate.isBefore(byAge) ? byCertificate : byAge;
    }

    /** For the benchmark and tests: TSA calls so far. */
    long timeStamps() {
        return tsa == null ? 0 : tsa.calls();
    }
}
