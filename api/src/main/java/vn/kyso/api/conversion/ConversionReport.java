package vn.kyso.api.conversion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.Extraction;
import vn.kyso.conversion.RuleFailure;

/** The JSON answer of a conversion: what came in, what the PDF/A is, and whether veraPDF accepts it. */
@Schema(name = "ConversionReport")
record ConversionReport(
        @Schema(description = "Media type detected from the content", example = "application/msword")
        String sourceMediaType,
        @Schema(example = "PDF/A-2B") String profile,
        boolean compliant,
        @Schema(description = "veraPDF rules the output breaks; empty when compliant") List<Rule> failedRules,
        @Schema(example = "1") int pageCount,
        @Schema(description = "The upload already was a conforming PDF/A and is unchanged") boolean passedThrough,
        @Schema(description = "An invisible OCR text layer was added (images)") boolean ocrUsed,
        @Schema(description = "Characters of text in the PDF/A, as a search index would read them")
        int textLength,
        @Schema(description = "ISO 639-1 language of that text, null when unsure", example = "vi")
        String language,
        @Schema(description = "Size of the PDF/A in bytes") int pdfSize) {

    ConversionReport {
        Objects.requireNonNull(sourceMediaType, "sourceMediaType");
        Objects.requireNonNull(profile, "profile");
        failedRules = List.copyOf(failedRules);
    }

    @Schema(name = "PdfARule")
    record Rule(@Schema(example = "6.2.11.4.1-1") String id, String description, int occurrences) {
        static Rule of(RuleFailure failure) {
            return new Rule(failure.id(), failure.description(), failure.occurrences());
        }
    }

    static ConversionReport of(ConversionResult result, Extraction text) {
        return new ConversionReport(result.source().mediaType(), result.conformance().profile().label(),
                result.conformance().compliant(),
                result.conformance().failures().stream().map(Rule::of).toList(), result.pageCount(),
                result.passedThrough(), result.ocrUsed(), text.text().length(), text.language().orElse(null),
                result.pdf().length);
    }
}
