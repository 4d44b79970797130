package vn.kyso.api.validation;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import vn.kyso.api.error.ApiException;
import vn.kyso.validation.Language;

/** How the answer is shaped: the fields as multipart form fields, checked with errors that list the values. */
record ReportOptionsForm(
        @Parameter(description = "Language of the PDF report; the JSON report always carries both",
                schema = @Schema(allowableValues = {"vi", "en"}, defaultValue = "vi"))
        String lang,
        @Parameter(description = "json (the report), pdf (the human-readable report) or etsi (the ETSI TS 119 "
                + "102-2 XML report). Overrides the Accept header, which is used when this is absent",
                schema = @Schema(allowableValues = {"json", "pdf", "etsi"}))
        String format) {

    /** Vietnamese unless asked otherwise: the report is for Vietnamese agencies and citizens. */
    Language language() {
        if (lang == null || lang.isBlank()) {
            return Language.VI;
        }
        // "en-GB" or "vi-VN" as a browser would say it is accepted too.
        String primary = lang.strip().split("[-_]", 2)[0].toUpperCase(Locale.ROOT);
        for (Language language : Language.values()) {
            if (language.name().equals(primary)) {
                return language;
            }
        }
        throw ApiException.invalid("Unknown lang '" + Echo.shorten(lang) + "'; allowed: vi, en");
    }
}
