package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveFile;
import vn.kyso.archive.OpenFileRequest;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.archive.RecordState;
import vn.kyso.core.VietnamTime;

/**
 * The life of a file (hồ sơ): opened, filled, closed. Ingest asks it two things: may a document be
 * filed here ({@link #checkFiling}), and from when may it be disposed of ({@link #disposableFrom}).
 * Files the archive does not know (record codes from before issue #12) keep the old rule: the period
 * counts from the document's year.
 */
final class ArchiveFiles {

    private static final ZoneOffset VIETNAM = VietnamTime.OFFSET;

    private final FileCatalogue files;
    private final Catalogue catalogue;
    private final HistoryTable history;
    private final Clock clock;

    ArchiveFiles(DataSource dataSource, Catalogue catalogue, HistoryTable history, Clock clock) {
        this.files = new FileCatalogue(dataSource);
        this.catalogue = catalogue;
        this.history = history;
        this.clock = clock;
    }

    ArchiveFile open(OpenFileRequest request, String actor) {
        files.insert(request, clock.instant(), actor);
        return file(request.fondCode(), request.fileCode());
    }

    ArchiveFile file(String fondCode, String fileCode) {
        return files.find(fondCode, fileCode).orElseThrow(() -> new ArchiveException(ArchiveError.FILE_NOT_FOUND,
                "fond " + fondCode + " has no file " + fileCode));
    }

    Optional<ArchiveFile> find(String fondCode, String fileCode) {
        return files.find(fondCode, fileCode);
    }

    /** Refuses a document for a closed file: a closed file's contents and totals are fixed. */
    void checkFiling(RecordMetadata m) {
        files.findWithoutTotals(m.fondCode(), m.fileCode()).filter(f -> !f.isOpen()).ifPresent(f -> {
            throw closed(f);
        });
    }

    /**
     * When a document of this file may first be disposed of: not before its file closes (null while
     * open), then from the end of the closing year; for a file the archive does not know, {@code legacy}.
     */
    LocalDate disposableFrom(RecordMetadata m, LocalDate legacy) {
        Optional<ArchiveFile> file = files.findWithoutTotals(m.fondCode(), m.fileCode());
        if (file.isEmpty()) {
            return legacy;
        }
        ArchiveFile f = file.get();
        if (f.isOpen() || m.preservation().isPermanent() || f.retention().isPermanent()) {
            return null;
        }
        return LocalDate.of(f.closedYear() + Math.max(m.preservation().years(), f.retention().years()) + 1, 1, 1);
    }

    ArchiveFile fileRecord(String fondCode, String fileCode, UUID recordId, String actor) {
        ArchiveFile f = file(fondCode, fileCode);
        if (!f.isOpen()) {
            throw closed(f);
        }
        CatalogueRow row = catalogue.find(recordId).filter(r -> r.state() == RecordState.ACTIVE).orElseThrow(() ->
                new ArchiveException(ArchiveError.RECORD_NOT_FOUND, "no archived record " + recordId));
        String from = row.metadata().fondCode() + "/" + row.metadata().fileCode();
        // A closed file's contents and totals are fixed: nothing leaves it either.
        files.find(row.metadata().fondCode(), row.metadata().fileCode()).filter(c -> !c.isOpen()).ifPresent(c -> {
            throw closed(c);
        });
        files.refile(recordId, fondCode, fileCode);
        history.add(recordId, clock.instant(), "FILED", "OK", "filed in " + fondCode + "/" + fileCode
                + " (was " + from + ")", actor);
        return file(fondCode, fileCode);
    }

    ArchiveFile close(String fondCode, String fileCode, LocalDate endedOn, String actor) {
        ArchiveFile f = file(fondCode, fileCode);
        if (!f.isOpen()) {
            throw closed(f);
        }
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        LocalDate ended = endedOn == null ? today : endedOn;
        if (ended.isAfter(today) || ended.getYear() < f.year()) {
            throw ArchiveException.invalidMetadata(List.of(new ArchiveException.FieldError("endedOn",
                    "between the file's year " + f.year() + " and today", vn.kyso.archive.FieldRules.MISMATCH,
                    "Ngày kết thúc phải từ năm hình thành hồ sơ " + f.year() + " đến hôm nay")));
        }
        Instant now = clock.instant();
        FileCatalogue.Totals totals = files.totals(fondCode, fileCode);
        if (!files.close(fondCode, fileCode, ended.getYear(), totals, now, actor)) {
            throw closed(file(fondCode, fileCode));
        }
        for (CatalogueRow r : catalogue.inFile(fondCode, fileCode)) {
            history.add(r.id(), now, "FILE_CLOSED", "OK", "file " + fondCode + "/" + fileCode + " closed; the "
                    + "preservation period counts from the end of " + ended.getYear(), actor);
        }
        return file(fondCode, fileCode);
    }

    private static ArchiveException closed(ArchiveFile f) {
        return new ArchiveException(ArchiveError.FILE_CLOSED, "file " + f.fileCode() + " of fond " + f.fondCode()
                + " was closed" + (f.closedAt() == null ? "" : " on " + f.closedAt()));
    }
}
