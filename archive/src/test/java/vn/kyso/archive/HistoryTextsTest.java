package vn.kyso.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each sentence the archive writes into a record's history (as the producers write it, and so as every
 * stored entry reads) gets its code and parameters; a sentence of no known shape gets none and is shown as
 * written.
 */
class HistoryTextsTest {

    @Test
    void ingestAndAcceptance() {
        assertThat(HistoryTexts.explain("ACCEPTED", "OK", "original stored; validation and evidence follow"))
                .isEqualTo(new HistoryTexts.Explained("ORIGINAL_STORED", Map.of()));
        assertThat(HistoryTexts.explain("INGEST", "OK", "verdict VALID, level PAdES-BASELINE-T"))
                .isEqualTo(new HistoryTexts.Explained("INGESTED", Map.of("verdict", "VALID",
                        "level", "PAdES-BASELINE-T", "augmented", "false")));
        assertThat(HistoryTexts.explain("INGEST", "OK",
                "verdict INDETERMINATE, level B-T, augmented to B-LTA; not augmented: TSA down"))
                .isEqualTo(new HistoryTexts.Explained("INGESTED", Map.of("verdict", "INDETERMINATE", "level", "B-T",
                        "augmented", "true", "notes", "not augmented: TSA down")));
    }

    @Test
    void preservationJobs() {
        assertThat(HistoryTexts.explain("FIXITY", "OK", "every object matches its SHA-256 and SHA-512"))
                .isEqualTo(new HistoryTexts.Explained("FIXITY_MATCHES", Map.of()));
        assertThat(HistoryTexts.explain("FIXITY", "OK",
                "every object matches its SHA-256 and SHA-512; retention set on 2 object(s) that lacked it"))
                .isEqualTo(new HistoryTexts.Explained("FIXITY_MATCHES", Map.of("retentionSet", "2")));
        assertThat(HistoryTexts.explain("FIXITY", "FAILED", "ORIGINAL-1: missing; EVIDENCE-2: digest"))
                .isEqualTo(new HistoryTexts.Explained("FIXITY_FAULTS",
                        Map.of("faults", "ORIGINAL-1: missing; EVIDENCE-2: digest")));
        assertThat(HistoryTexts.explain("REVALIDATION", "OK", "unsigned record: nothing to validate").code())
                .isEqualTo("NOTHING_TO_VALIDATE");
        assertThat(HistoryTexts.explain("REVALIDATION", "VALID", "The signature is valid."))
                .isEqualTo(new HistoryTexts.Explained("REVALIDATED",
                        Map.of("verdict", "VALID", "summary", "The signature is valid.")));
        String renewBy = Instant.parse("2036-01-02T03:04:05.678Z").toString();
        assertThat(HistoryTexts.explain("TIMESTAMP_RENEWAL", "OK",
                "archive time-stamp added (generation 3), next renewal by " + renewBy))
                .isEqualTo(new HistoryTexts.Explained("TIMESTAMP_ADDED", Map.of("generation", "3", "renewBy", renewBy)));
        // A failure's message is the engine's: no shape, shown as written.
        assertThat(HistoryTexts.explain("TIMESTAMP_RENEWAL", "FAILED", "TSA unreachable")).isNull();
    }

    @Test
    void filesAndDisposal() {
        assertThat(HistoryTexts.explain("FILED", "OK", "filed in G09/G09.02 (was G09/G09.01)"))
                .isEqualTo(new HistoryTexts.Explained("REFILED", Map.of("to", "G09/G09.02", "from", "G09/G09.01")));
        assertThat(HistoryTexts.explain("FILE_CLOSED", "OK",
                "file G09/G09.01 closed; the preservation period counts from the end of 2026"))
                .isEqualTo(new HistoryTexts.Explained("FILE_CLOSED", Map.of("file", "G09/G09.01", "year", "2026")));
        assertThat(HistoryTexts.explain("DISPOSAL_PROPOSED", "OK", "on disposal list 7"))
                .isEqualTo(new HistoryTexts.Explained("ON_DISPOSAL_LIST", Map.of("list", "7")));
        assertThat(HistoryTexts.explain("DISPOSAL", "OK",
                "disposal list 7 approved by decision 12/QĐ-UBND of 2026-12-01, proposed by luu-tru-1"))
                .isEqualTo(new HistoryTexts.Explained("DISPOSED", Map.of("list", "7", "decision", "12/QĐ-UBND",
                        "date", "2026-12-01", "proposer", "luu-tru-1")));
        assertThat(HistoryTexts.explain("DISPOSAL", "SKIPPED", "legal hold set after the list was drawn up").code())
                .isEqualTo("HOLD_AFTER_LIST");
        assertThat(HistoryTexts.explain("DISPOSAL", "SKIPPED", "not disposable").code()).isEqualTo("NOT_DISPOSABLE");
    }

    @Test
    void peoplesWordsStayTheirsAndUnknownShapesHaveNoCode() {
        assertThat(HistoryTexts.explain("LEGAL_HOLD_SET", "OK", "Thanh tra tỉnh yêu cầu giữ nguyên hồ sơ"))
                .isEqualTo(new HistoryTexts.Explained(HistoryTexts.TEXT,
                        Map.of("text", "Thanh tra tỉnh yêu cầu giữ nguyên hồ sơ")));
        assertThat(HistoryTexts.explain("EDXML_RECALLED", "OK", "something new")).isNull();
        assertThat(HistoryTexts.explain("INGEST", "OK", "")).isNull();
        // The stored entry keeps its sentence; the five-field constructor adds the code.
        RecordDetails.HistoryEvent e = new RecordDetails.HistoryEvent(Instant.EPOCH, "FIXITY", "OK",
                "every object matches its SHA-256 and SHA-512", "system");
        assertThat(e.detail()).isEqualTo("every object matches its SHA-256 and SHA-512");
        assertThat(e.detailText().code()).isEqualTo("FIXITY_MATCHES");
    }
}
