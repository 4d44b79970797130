package vn.kyso.conversion;

import java.util.List;
import java.util.Objects;

/**
 * veraPDF's verdict on a PDF.
 *
 * @param profile the profile checked: the one the document claims, else the one asked for
 * @param compliant true when no rule fails
 * @param failures the failed rules, empty when compliant
 */
public record PdfAConformance(PdfAProfile profile, boolean compliant, List<RuleFailure> failures) {

    public PdfAConformance {
        Objects.requireNonNull(profile, "profile");
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        if (compliant != failures.isEmpty()) {
            throw new IllegalArgumentException("a document is compliant exactly when no rule fails");
        }
    }
}
