package vn.kyso.signing;

/**
 * The outcome for one document of a batch: exactly one of {@code signed} and {@code failure} is set.
 *
 * @param index position of the document in the request, from 0
 */
public record BatchItemResult(int index, String name, SignedDocument signed, Failure failure) {

    public BatchItemResult {
        if ((signed == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of signed and failure must be set");
        }
    }

    public boolean succeeded() {
        return signed != null;
    }

    /** Why one item failed, with the same stable code a single request would get. */
    public record Failure(String code, String message) {
    }
}
