package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.StoredFile;
import vn.kyso.archive.internal.eark.CsipPackage;
import vn.kyso.archive.internal.eark.CsipWriter;
import vn.kyso.archive.internal.eark.DescriptionXml;

/**
 * Records and files (hồ sơ) as E-ARK CSIP packages, beside the BagIt export. Each record is a
 * representation: its original under {@code representations/<record>/data}, the archive's augmented
 * (B-LTA) copies beside it; the validation reports and manifests go to documentation/, the history to
 * PREMIS. Every object is read back and checked against its SHA-256 before it goes in.
 */
final class EarkExports {

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final HistoryTable history;
    private final ArchiveFiles files;
    private final StoredObjects objects;
    private final Clock clock;

    EarkExports(Catalogue catalogue, ObjectTable objectTable, HistoryTable history, ArchiveFiles files,
            StoredObjects objects, Clock clock) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.history = history;
        this.files = files;
        this.objects = objects;
        this.clock = clock;
    }

    StoredFile record(CatalogueRow row) {
        String objid = "kyso-record-" + row.id();
        byte[] zip = CsipWriter.write(pack(objid, "Record " + row.metadata().numberSymbol(), null, List.of(row),
                () -> { }));
        return new StoredFile(CsipWriter.safe(objid) + ".zip", "application/zip", zip);
    }

    StoredFile file(String fondCode, String fileCode) {
        return file(fondCode, fileCode, () -> { });
    }

    /** As {@link #file(String, String)}, calling {@code recordDone} after each record is read. */
    StoredFile file(String fondCode, String fileCode, Runnable recordDone) {
        List<CatalogueRow> rows = catalogue.inFile(fondCode, fileCode);
        Optional<ArchiveFile> file = files.find(fondCode, fileCode);
        if (rows.isEmpty()) {
            // A package needs at least one representation (CSIP114); an empty file has nothing to transfer.
            throw new ArchiveException(ArchiveError.FILE_NOT_FOUND,
                    "no archived record in file " + fileCode + " of fond " + fondCode);
        }
        String objid = "kyso-file-" + fondCode + "-" + fileCode;
        String label = file.map(f -> "File " + f.fileCode() + ": " + f.title())
                .orElse("File " + fileCode + " of fond " + fondCode);
        byte[] zip = CsipWriter.write(pack(objid, label, file.orElse(null), rows, recordDone));
        return new StoredFile(CsipWriter.safe(objid) + ".zip", "application/zip", zip);
    }

    private CsipPackage pack(String objid, String label, ArchiveFile file, List<CatalogueRow> rows,
            Runnable recordDone) {
        List<CsipPackage.Representation> reps = new ArrayList<>();
        List<CsipPackage.Item> documentation = new ArrayList<>();
        List<CsipPackage.PremisEvent> events = new ArrayList<>();
        List<DescriptionXml.Doc> docs = new ArrayList<>();
        for (CatalogueRow row : rows) {
            String rep = "record-" + row.id();
            List<CsipPackage.Item> data = new ArrayList<>();
            for (ObjectRow o : objectTable.of(row.id())) {
                boolean content = o.role() == ObjectRole.ORIGINAL || o.role() == ObjectRole.AUGMENTED
                        || o.role() == ObjectRole.SIGNED_DATA || o.role() == ObjectRole.EVIDENCE_RECORD;
                String name = o.role() + "-" + o.generation() + "-" + o.name();
                CsipPackage.Item item = new CsipPackage.Item(CsipWriter.safe(content ? name : rep + "-" + name),
                        o.name(), objects.readVerified(o), o.mediaType(), o.storedAt());
                // The original first: PREMIS links the record's events to it.
                if (o.role() == ObjectRole.ORIGINAL) {
                    data.add(0, item);
                } else if (content) {
                    data.add(item);
                } else {
                    documentation.add(item);
                }
            }
            reps.add(new CsipPackage.Representation(rep, data));
            int n = 0;
            for (RecordDetails.HistoryEvent e : history.of(row.id())) {
                events.add(new CsipPackage.PremisEvent(rep + "-event-" + (++n), e.kind(), e.at(), e.outcome(),
                        e.detail(), e.actor(), rep));
            }
            docs.add(new DescriptionXml.Doc(row.id().toString(), row.metadata()));
            recordDone.run();
        }
        Instant now = clock.instant();
        return new CsipPackage(objid, label, now, version(), DescriptionXml.write(file, docs), reps, documentation,
                events);
    }

    private static String version() {
        String v = EarkExports.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
