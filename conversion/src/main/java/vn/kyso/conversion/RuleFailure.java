package vn.kyso.conversion;

import java.util.Objects;

/**
 * One PDF/A rule a document breaks.
 *
 * @param id the clause and test number in the veraPDF profile, for example {@code 6.2.11.4.1-1}
 * @param description what the rule requires, in veraPDF's English
 * @param occurrences how many objects break it
 */
public record RuleFailure(String id, String description, int occurrences) {

    public RuleFailure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be at least 1");
        }
    }
}
