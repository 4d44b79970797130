package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ObjectRole;
import vn.kyso.archive.StoredFile;

/** BagIt packages of a record or of a file (hồ sơ) that another archive can check on its own. */
final class PackageExporter {

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final HistoryTable history;
    private final StoredObjects objects;
    private final RecordReader reader;
    private final Clock clock;

    PackageExporter(Catalogue catalogue, ObjectTable objectTable, HistoryTable history, StoredObjects objects,
            RecordReader reader, Clock clock) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.history = history;
        this.objects = objects;
        this.reader = reader;
        this.clock = clock;
    }

    StoredFile exportRecord(String id) {
        CatalogueRow row = reader.activeRow(id);
        String bag = "record-" + row.id();
        byte[] zip = Packages.bag(bag, payload(row, ""), bagInfo("Record " + row.metadata().numberSymbol()),
                LocalDate.now(clock.withZone(EvidencePlanner.VIETNAM)));
        return new StoredFile(bag + ".zip", "application/zip", zip);
    }

    StoredFile exportFile(String fondCode, String fileCode) {
        return exportFile(fondCode, fileCode, () -> { });
    }

    /** As {@link #exportFile(String, String)}, calling {@code recordDone} after each record is read. */
    StoredFile exportFile(String fondCode, String fileCode, Runnable recordDone) {
        List<CatalogueRow> rows = catalogue.inFile(fondCode, fileCode);
        if (rows.isEmpty()) {
            throw new ArchiveException(ArchiveError.FILE_NOT_FOUND,
                    "no archived record in file " + fileCode + " of fond " + fondCode);
        }
        List<Packages.Entry> payload = new ArrayList<>();
        for (CatalogueRow row : rows) {
            payload.addAll(payload(row, row.id() + "/"));
            recordDone.run();
        }
        String bag = "file-" + fileCode.replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] zip = Packages.bag(bag, payload, bagInfo("File " + fileCode + " of fond " + fondCode + ", "
                + rows.size() + " records"), LocalDate.now(clock.withZone(EvidencePlanner.VIETNAM)));
        return new StoredFile(bag + ".zip", "application/zip", zip);
    }

    private List<Packages.Entry> payload(CatalogueRow row, String prefix) {
        List<Packages.Entry> entries = new ArrayList<>();
        for (ObjectRow o : objectTable.of(row.id())) {
            boolean original = o.role() == ObjectRole.ORIGINAL;
            String dir = original ? "original/" : "evidence/";
            String name = original ? o.name() : ObjectNames.evidenceName(o);
            entries.add(new Packages.Entry(prefix + dir + ObjectNames.safeName(name), objects.readVerified(o)));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("recordId", row.id().toString());
        metadata.put("metadata", row.metadata());
        metadata.put("verdict", row.findings().verdict());
        metadata.put("original", Map.of("name", row.original().name(), "sha256", row.original().sha256(),
                "sha512", row.original().sha512()));
        metadata.put("history", history.of(row.id()));
        entries.add(new Packages.Entry(prefix + "metadata.json", ArchiveJson.write(metadata)));
        return entries;
    }

    private static Map<String, String> bagInfo(String description) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Source-Organization", "Kyso archive");
        info.put("External-Description", description);
        return info;
    }
}
