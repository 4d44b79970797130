package vn.kyso.archive;

import java.time.Instant;
import java.util.List;

/**
 * A list of records proposed for disposal (danh mục tài liệu hết giá trị). It is kept for good,
 * approved or not.
 *
 * @param state          PROPOSED, or DISPOSED once a second person approved it and the records were disposed of
 * @param createdBy      who drew it up (the proposer)
 * @param approvedBy     who approved it: another person of the same organisation
 * @param items          the records on it
 * @param organisation   the organisation whose archivists drew it up and approve it; null for a list drawn up
 *                       without access control
 * @param decisionNumber the number and symbol of the decision ordering the disposal, once approved; null for
 *                       lists approved before decisions were recorded
 * @param decisionDate   that decision's date
 */
public record DisposalList(long id, State state, Instant createdAt, String createdBy, Instant approvedAt,
        String approvedBy, List<Item> items, String organisation, String decisionNumber,
        java.time.LocalDate decisionDate) {

    public DisposalList {
        items = List.copyOf(items);
    }

    /** Where a disposal list is; the JSON names are the constant names. */
    public enum State {
        /** Drawn up, waiting for an archivist's approval. */
        PROPOSED,
        /** Approved; its records were disposed of. */
        DISPOSED
    }

    /** One record on the list with what identified it when the list was drawn up. */
    public record Item(String recordId, String numberSymbol, String subject, String sha256,
            java.time.LocalDate disposableFrom) {
    }
}
