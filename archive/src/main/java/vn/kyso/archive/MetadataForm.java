package vn.kyso.archive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.kyso.archive.ArchiveException.FieldError;

/**
 * Archive metadata as a clerk or a client system submits it: every field as text. {@link
 * #toMetadata()} parses and checks all of it and reports every field at fault in one exception.
 */
public record MetadataForm(
        String fondCode,
        String fileCode,
        String numberSymbol,
        String documentDate,
        String documentType,
        String issuer,
        String subject,
        String signer,
        String language,
        String pageCount,
        String keywords,
        String accessRegime,
        String confidenceLevel,
        String preservation,
        String documentId) {

    /** @throws ArchiveException {@link ArchiveError#METADATA_INVALID} listing every field at fault */
    public RecordMetadata toMetadata() {
        return toMetadata(null);
    }

    /**
     * With the further fields of Decree 30 Appendix VI, checked together with the others so that one
     * problem lists every field at fault.
     *
     * @param description the Appendix VI fields, or null for none
     * @throws ArchiveException {@link ArchiveError#METADATA_INVALID} listing every field at fault
     */
    public RecordMetadata toMetadata(DescriptionForm description) {
        List<FieldError> errors = new ArrayList<>();
        // A language may come as its Vietnamese name ("Tiếng Việt"); the catalogue keeps the ISO code.
        String lang = language == null || language.isBlank() ? "vi"
                : Languages.code(language).orElse(language.strip().toLowerCase(Locale.ROOT));
        LocalDate date = null;
        if (documentDate != null && !documentDate.isBlank()) {
            try {
                date = LocalDate.parse(documentDate.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("documentDate", "not a date; use YYYY-MM-DD"));
            }
        }
        Integer pages = null;
        if (pageCount != null && !pageCount.isBlank()) {
            try {
                pages = Integer.valueOf(pageCount.strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("pageCount", "not a whole number"));
            }
        }
        AccessRegime access = parseEnum(AccessRegime.class, "accessRegime", accessRegime, errors);
        ConfidenceLevel confidence = parseEnum(ConfidenceLevel.class, "confidenceLevel", confidenceLevel, errors);
        PreservationPeriod period = null;
        if (preservation != null && !preservation.isBlank()) {
            try {
                period = PreservationPeriod.parse(preservation);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("preservation", e.getMessage()));
            }
        }
        List<String> words = keywords == null || keywords.isBlank() ? List.of()
                : Arrays.stream(keywords.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean dateBad = errors.stream().anyMatch(f -> f.field().equals("documentDate"));
        boolean periodBad = errors.stream().anyMatch(f -> f.field().equals("preservation"));
        boolean pagesBad = errors.stream().anyMatch(f -> f.field().equals("pageCount"));
        // Add the rule checks of the typed record, minus those for fields that already failed to parse.
        for (FieldError f : RecordMetadata.check(blank(fondCode), blank(fileCode), blank(numberSymbol), date,
                blank(documentType), blank(issuer), blank(subject), blank(signer), lang,
                pages, words, period, blank(documentId))) {
            boolean repeat = (f.field().equals("documentDate") && dateBad)
                    || (f.field().equals("preservation") && periodBad) || (f.field().equals("pageCount") && pagesBad);
            if (!repeat) {
                errors.add(f);
            }
        }
        // Appendix VI lengths and lists, for fields not already at fault.
        for (FieldError f : RecordMetadata.appendixVi(blank(issuer), blank(subject), blank(signer), pagesBad ? null
                : pages, lang.matches("[a-z]{2}") ? lang : null)) {
            if (errors.stream().noneMatch(x -> x.field().equals(f.field()))) {
                errors.add(f);
            }
        }
        DocumentDescription described = description == null ? null : description.parse(errors);
        if (!errors.isEmpty()) {
            throw ArchiveException.invalidMetadata(errors);
        }
        return new RecordMetadata(fondCode, fileCode, numberSymbol, date, documentType, issuer, subject, signer,
                lang, pages, words, access, confidence, period, documentId, described);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            return null;
        }
    }
}
