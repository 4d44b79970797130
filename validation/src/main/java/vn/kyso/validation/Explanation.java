package vn.kyso.validation;

import java.util.Objects;

/**
 * A reason in both languages, with a stable code (for example {@code HASH_FAILURE},
 * {@code REVOKED}, {@code MODIFIED_AFTER_SIGNING}).
 */
public record Explanation(String code, String vi, String en) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(vi, "vi");
        Objects.requireNonNull(en, "en");
    }

    public String in(Language language) {
        return language == Language.VI ? vi : en;
    }
}
