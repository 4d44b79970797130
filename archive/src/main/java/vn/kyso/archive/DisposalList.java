package vn.kyso.archive;

import java.time.Instant;
import java.util.List;

/**
 * A list of records proposed for disposal (danh mục tài liệu hết giá trị). It is kept for good,
 * approved or not.
 *
 * @param state PROPOSED, or DISPOSED once an archivist approved it and the records were disposed of
 */
public record DisposalList(long id, State state, Instant createdAt, String createdBy, Instant approvedAt,
        String approvedBy, List<Item> items) {

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
