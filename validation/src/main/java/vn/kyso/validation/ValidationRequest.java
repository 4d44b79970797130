package vn.kyso.validation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * @param document       the signed file (PDF, XML, JSON, CMS signature, ASiC container)
 * @param originals      the signed data of a detached signature; empty otherwise
 * @param validationTime the time to validate at, or null for now
 * @param etsiReport     whether to build the ETSI XML report too; building it costs time that a page
 *                       showing the verdict does not need
 */
public record ValidationRequest(SignedFile document, List<SignedFile> originals, Instant validationTime,
        boolean etsiReport) {

    public ValidationRequest {
        Objects.requireNonNull(document, "document");
        originals = originals == null ? List.of() : List.copyOf(originals);
    }

    /** A request that also builds the ETSI report. */
    public ValidationRequest(SignedFile document, List<SignedFile> originals, Instant validationTime) {
        this(document, originals, validationTime, true);
    }

    public static ValidationRequest of(SignedFile document) {
        return new ValidationRequest(document, List.of(), null);
    }

    public ValidationRequest withEtsiReport(boolean wanted) {
        return new ValidationRequest(document, originals, validationTime, wanted);
    }
}
