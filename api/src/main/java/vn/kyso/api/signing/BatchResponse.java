package vn.kyso.api.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import vn.kyso.signing.BatchItemResult;
import vn.kyso.signing.SignedDocument;

/** The outcome of a batch: one result per uploaded file, in upload order. */
record BatchResponse(List<Item> results, int signed, int failed) {

    static BatchResponse of(List<BatchItemResult> results) {
        List<Item> items = results.stream().map(Item::of).toList();
        int signed = (int) results.stream().filter(BatchItemResult::succeeded).count();
        return new BatchResponse(items, signed, items.size() - signed);
    }

    enum Status { SIGNED, FAILED }

    /** Either the signed content or the problem, never both. */
    @Schema(name = "BatchItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            int index,
            String name,
            Status status,
            String mediaType,
            String format,
            String level,
            Instant signingTime,
            @Schema(description = "The signed file, base64", format = "byte") byte[] content,
            ItemProblem problem) {

        static Item of(BatchItemResult result) {
            SignedDocument s = result.signed();
            if (s == null) {
                var f = result.failure();
                return new Item(result.index(), result.name(), Status.FAILED, null, null, null, null, null,
                        new ItemProblem(f.code(), f.message()));
            }
            return new Item(result.index(), s.name(), Status.SIGNED, s.mediaType(), Params.label(s.format()),
                    Params.label(s.level()), s.signingTime(), s.content(), null);
        }
    }

    /** Why one file failed, with the code a single request would have had. */
    @Schema(name = "BatchItemProblem")
    record ItemProblem(String code, String detail) {
    }
}
