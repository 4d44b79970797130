package vn.kyso.archive;

import java.util.List;

/** One page of search results and the total number of hits. */
public record RecordPage(List<RecordSummary> items, int page, int size, long total) {
    public RecordPage {
        items = List.copyOf(items);
    }
}
