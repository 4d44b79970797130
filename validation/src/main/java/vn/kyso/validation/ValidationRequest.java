package vn.kyso.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * @param document       the signed file (PDF, XML, JSON, CMS signature, ASiC container)
 * @param originals      the signed data of a detached signature; empty otherwise
 * @param validationTime the time to validate at, or null for now
 */
public record ValidationRequest(SignedFile document, List<SignedFile> originals, Instant validationTime) {

    public ValidationRequest {
        Objects.requireNonNull(document, "document");
        originals = originals == null ? List.of() : List.copyOf(originals);
    }

    public static ValidationRequest of(SignedFile document) {
        return new ValidationRequest(document, List.of(), null);
    }
}
