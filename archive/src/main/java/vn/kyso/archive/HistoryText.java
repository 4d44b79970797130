package vn.kyso.archive;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable code and parameters of a history entry's detail, so a page or report can say it in Vietnamese or
 * English (issue #14). The history table keeps the English sentence the archive has always written; the code
 * is read from that sentence's shape, which also explains every entry written before codes existed. A detail
 * of no known shape has no code and is shown as written; people's own words (a hold's reason, a note) are
 * {@link #TEXT} with the words as the {@code text} parameter.
 *
 * @param code   stable: pages keep a sentence per code and language
 * @param params the variable parts (a verdict, a level, a time as ISO 8601, a list number)
 */
public record HistoryText(String code, Map<String, String> params) {

    public HistoryText {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code is required");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** Words a person typed (a legal hold's reason, a note): shown as they are, in any language. */
    public static final String TEXT = "TEXT";

    private record Shape(String kind, String code, Pattern pattern, String... names) {
    }

    private static final String INSTANT = "(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)";

    // Each producer's sentence (IngestPipeline, EvidencePlanner, PreservationJobs, ArchiveFiles, DisposalDesk);
    // a change there needs its shape here, and HistoryTextTest writes each one out.
    private static final Shape[] SHAPES = {
        new Shape("ACCEPTED", "ORIGINAL_STORED", Pattern.compile("original stored; validation and evidence follow")),
        new Shape("INGEST", "INGESTED", Pattern.compile(
                "verdict (\\w+), level ([\\w-]+)(, augmented to B-LTA)?(?:; (.*))?", Pattern.DOTALL),
                "verdict", "level", "augmented", "notes"),
        new Shape("FIXITY", "FIXITY_MATCHES", Pattern.compile(
                "every object matches its SHA-256 and SHA-512(?:; retention set on (\\d+) object\\(s\\) that lacked it)?"),
                "retentionSet"),
        new Shape("FIXITY", "FIXITY_FAULTS", Pattern.compile(
                "(.+?)(?:; retention set on (\\d+) object\\(s\\) that lacked it)?", Pattern.DOTALL),
                "faults", "retentionSet"),
        new Shape("REVALIDATION", "NOTHING_TO_VALIDATE", Pattern.compile("unsigned record: nothing to validate")),
        new Shape("TIMESTAMP_RENEWAL", "TIMESTAMP_ADDED", Pattern.compile(
                "archive time-stamp added \\(generation (\\d+)\\), next renewal by " + INSTANT),
                "generation", "renewBy"),
        new Shape("FILED", "REFILED", Pattern.compile("filed in (\\S+) \\(was (\\S+)\\)"), "to", "from"),
        new Shape("FILE_CLOSED", "FILE_CLOSED", Pattern.compile(
                "file (\\S+) closed; the preservation period counts from the end of (\\d{4})"), "file", "year"),
        new Shape("DISPOSAL_PROPOSED", "ON_DISPOSAL_LIST", Pattern.compile("on disposal list (\\d+)"), "list"),
        new Shape("DISPOSAL", "DISPOSED", Pattern.compile(
                "disposal list (\\d+) approved by decision (.+) of (\\d{4}-\\d{2}-\\d{2}), proposed by (.+)",
                Pattern.DOTALL), "list", "decision", "date", "proposer"),
        new Shape("DISPOSAL", "HOLD_AFTER_LIST", Pattern.compile("legal hold set after the list was drawn up")),
        new Shape("DISPOSAL", "NOT_DISPOSABLE", Pattern.compile("not disposable")),
    };

    /** Event kinds whose detail is a person's own words. */
    private static final java.util.Set<String> PEOPLES_WORDS = java.util.Set.of("LEGAL_HOLD_SET",
            "LEGAL_HOLD_LIFTED", "NOTE");

    /**
     * The code and parameters of one entry, or null when its detail has no known shape.
     *
     * @param kind    the event kind (INGEST, FIXITY, …)
     * @param outcome the outcome (OK, FAILED, a verdict for REVALIDATION)
     * @param detail  the stored sentence
     */
    public static HistoryText explain(String kind, String outcome, String detail) {
        if (kind == null || detail == null || detail.isBlank()) {
            return null;
        }
        if (PEOPLES_WORDS.contains(kind)) {
            return new HistoryText(TEXT, Map.of("text", detail));
        }
        if ("REVALIDATION".equals(kind) && outcome != null && outcome.matches("VALID|INVALID|INDETERMINATE")) {
            // The report's English summary: the page says the verdict in its own language instead.
            return new HistoryText("REVALIDATED", Map.of("verdict", outcome, "summary", detail));
        }
        for (Shape s : SHAPES) {
            if (!s.kind().equals(kind) || ("FIXITY_FAULTS".equals(s.code()) && !"FAILED".equals(outcome))) {
                continue;
            }
            Matcher m = s.pattern().matcher(detail);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < s.names().length; i++) {
                    String value = m.group(i + 1);
                    if ("augmented".equals(s.names()[i])) {
                        params.put("augmented", Boolean.toString(value != null));
                    } else if (value != null) {
                        params.put(s.names()[i], value);
                    }
                }
                return new HistoryText(s.code(), Map.copyOf(params));
            }
        }
        return null;
    }
}
