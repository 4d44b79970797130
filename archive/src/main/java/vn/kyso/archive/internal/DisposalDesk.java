package vn.kyso.archive.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.DisposalApproval;
import vn.kyso.archive.DisposalList;
import vn.kyso.archive.RecordState;

/**
 * Legal holds and disposal: lists drawn up by one archivist, approved by a second of the same organisation
 * under a numbered decision (four eyes: whoever proposes never approves), records disposed of with a
 * tombstone.
 */
final class DisposalDesk {

    private final Catalogue catalogue;
    private final ObjectTable objectTable;
    private final HistoryTable history;
    private final DisposalTable lists;
    private final StoredObjects objects;
    private final RecordReader reader;
    private final Clock clock;

    DisposalDesk(Catalogue catalogue, ObjectTable objectTable, HistoryTable history, DisposalTable lists,
            StoredObjects objects, RecordReader reader, Clock clock) {
        this.catalogue = catalogue;
        this.objectTable = objectTable;
        this.history = history;
        this.lists = lists;
        this.objects = objects;
        this.reader = reader;
        this.clock = clock;
    }

    /** Sets or lifts the hold in the catalogue and on every object, and records why. */
    void setLegalHold(String id, boolean hold, String reason, String actor) {
        CatalogueRow row = reader.activeRow(id);
        if (reason == null || reason.isBlank()) {
            throw new ArchiveException(ArchiveError.METADATA_INVALID, "a legal hold needs a reason");
        }
        catalogue.setLegalHold(row.id(), hold);
        objects.setLegalHold(objectTable.of(row.id()), hold);
        history.add(row.id(), clock.instant(), hold ? "LEGAL_HOLD_SET" : "LEGAL_HOLD_LIFTED", "OK", reason.strip(),
                actor);
    }

    DisposalList propose(LocalDate asOf, String actor, String organisation) {
        Objects.requireNonNull(asOf, "asOf");
        long id = lists.propose(asOf, actor, organisation, clock.instant());
        DisposalList list = lists.find(id).orElseThrow();
        for (DisposalList.Item item : list.items()) {
            history.add(UUID.fromString(item.recordId()), clock.instant(), "DISPOSAL_PROPOSED", "OK",
                    "on disposal list " + id, actor);
        }
        return list;
    }

    DisposalList approve(long listId, DisposalApproval approval) {
        DisposalList list = lists.find(listId).orElseThrow(() -> new ArchiveException(
                ArchiveError.DISPOSAL_LIST_NOT_FOUND, "no disposal list " + listId));
        if (list.state() != DisposalList.State.PROPOSED) {
            throw new ArchiveException(ArchiveError.DISPOSAL_NOT_APPROVED, "disposal list " + listId + " is "
                    + list.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        String archivist = approval.approver();
        if (archivist.equals(list.createdBy())) {
            throw new ArchiveException(ArchiveError.DISPOSAL_SAME_PERSON, "Người lập danh mục hủy " + listId
                    + " không được tự phê duyệt; cần người thứ hai / whoever drew up disposal list " + listId
                    + " may not approve it: a second person must");
        }
        if (list.organisation() != null && !list.organisation().equals(approval.organisation())) {
            throw new ArchiveException(ArchiveError.DISPOSAL_OTHER_ORGANISATION, "Danh mục hủy " + listId
                    + " do cơ quan khác lập / disposal list " + listId + " belongs to another organisation");
        }
        String decided = "decision " + approval.decisionNumber() + " of " + approval.decisionDate()
                + ", proposed by " + list.createdBy();
        LocalDate today = LocalDate.now(clock.withZone(EvidencePlanner.VIETNAM));
        for (DisposalList.Item item : list.items()) {
            UUID rid = UUID.fromString(item.recordId());
            CatalogueRow row = catalogue.find(rid).orElseThrow();
            if (row.legalHold() || row.disposableFrom() == null || row.disposableFrom().isAfter(today)
                    || row.state() != RecordState.ACTIVE) {
                history.add(rid, clock.instant(), "DISPOSAL", "SKIPPED",
                        row.legalHold() ? "legal hold set after the list was drawn up" : "not disposable", archivist);
                continue;
            }
            objectTable.of(rid).forEach(o -> objects.deleteQuietly(o.key()));
            catalogue.markDisposed(rid);
            reader.forget(rid);
            history.add(rid, clock.instant(), "DISPOSAL", "OK", "disposal list " + listId + " approved by " + decided,
                    archivist);
        }
        if (!lists.approve(listId, approval, clock.instant())) {
            // Another instance approved it meanwhile: its records are disposed of all the same.
            throw new ArchiveException(ArchiveError.DISPOSAL_NOT_APPROVED, "disposal list " + listId
                    + " was approved meanwhile");
        }
        return lists.find(listId).orElseThrow();
    }

    List<DisposalList> all() {
        return lists.all();
    }
}
