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
class HistoryTextTest {

    @Test
    void ingestAndAcceptance() {
        assertThat(HistoryText.explain("ACCEPTED", "OK", "original stored; validation and evidence follow"))
                .isEqualTo(new HistoryText("ORIGINAL_STORED", Map.of()));
        assertThat(HistoryText.explain("INGEST", "OK", "verdict VALID, level PAdES-BASELINE-T"))
                .isEqualTo(new HistoryText("INGESTED", Map.of("verdict", "VALID",
                        "level", "PAdES-BASELINE-T", "augmented", "false")));
        assertThat(HistoryText.explain("INGEST", "OK",
                "verdict INDETERMINATE, level B-T, augmented to B-LTA; not augmented: TSA down"))
                .isEqualTo(new HistoryText("INGESTED", Map.of("verdict", "INDETERMINATE", "level", "B-T",
                        "augmented", "true", "notes", "not augmented: TSA down")));
    }

    @Test
    void preservationJobs() {
        assertThat(HistoryText.explain("FIXITY", "OK", "every object matches its SHA-256 and SHA-512"))
                .isEqualTo(new HistoryText("FIXITY_MATCHES", Map.of()));
        assertThat(HistoryText.explain("FIXITY", "OK",
                "every object matches its SHA-256 and SHA-512; retention set on 2 object(s) that lacked it"))
                .isEqualTo(new HistoryText("FIXITY_MATCHES", Map.of("retentionSet", "2")));
        assertThat(HistoryText.explain("FIXITY", "FAILED", "ORIGINAL-1: missing; EVIDENCE-2: digest"))
                .isEqualTo(new HistoryText("FIXITY_FAULTS",
                        Map.of("faults", "ORIGINAL-1: missing; EVIDENCE-2: digest")));
        assertThat(HistoryText.explain("REVALIDATION", "OK", "unsigned record: nothing to validate").code())
                .isEqualTo("NOTHING_TO_VALIDATE");
        assertThat(HistoryText.explain("REVALIDATION", "VALID", "The signature is valid."))
                .isEqualTo(new HistoryText("REVALIDATED",
                        Map.of("verdict", "VALID", "summary", "The signature is valid.")));
        String renewBy = Instant.parse("2036-01-02T03:04:05.678Z").toString();
        assertThat(HistoryText.explain("TIMESTAMP_RENEWAL", "OK",
                "archive time-stamp added (generation 3), next renewal by " + renewBy))
                .isEqualTo(new HistoryText("TIMESTAMP_ADDED", Map.of("generation", "3", "renewBy", renewBy)));
        // A failure's message is the engine's: no shape, shown as written.
        assertThat(HistoryText.explain("TIMESTAMP_RENEWAL", "FAILED", "TSA unreachable")).isNull();
    }

    @Test
    void filesAndDisposal() {
        assertThat(HistoryText.explain("FILED", "OK", "filed in G09/G09.02 (was G09/G09.01)"))
                .isEqualTo(new HistoryText("REFILED", Map.of("to", "G09/G09.02", "from", "G09/G09.01")));
        assertThat(HistoryText.explain("FILE_CLOSED", "OK",
                "file G09/G09.01 closed; the preservation period counts from the end of 2026"))
                .isEqualTo(new HistoryText("FILE_CLOSED", Map.of("file", "G09/G09.01", "year", "2026")));
        assertThat(HistoryText.explain("DISPOSAL_PROPOSED", "OK", "on disposal list 7"))
                .isEqualTo(new HistoryText("ON_DISPOSAL_LIST", Map.of("list", "7")));
        assertThat(HistoryText.explain("DISPOSAL", "OK",
                "disposal list 7 approved by decision 12/QĐ-UBND of 2026-12-01, proposed by luu-tru-1"))
                .isEqualTo(new HistoryText("DISPOSED", Map.of("list", "7", "decision", "12/QĐ-UBND",
                        "date", "2026-12-01", "proposer", "luu-tru-1")));
        assertThat(HistoryText.explain("DISPOSAL", "SKIPPED", "legal hold set after the list was drawn up").code())
                .isEqualTo("HOLD_AFTER_LIST");
        assertThat(HistoryText.explain("DISPOSAL", "SKIPPED", "not disposable").code()).isEqualTo("NOT_DISPOSABLE");
    }

    @Test
    void peoplesWordsStayTheirsAndUnknownShapesHaveNoCode() {
        assertThat(HistoryText.explain("LEGAL_HOLD_SET", "OK", "Thanh tra tỉnh yêu cầu giữ nguyên hồ sơ"))
                .isEqualTo(new HistoryText(HistoryText.TEXT,
                        Map.of("text", "Thanh tra tỉnh yêu cầu giữ nguyên hồ sơ")));
        assertThat(HistoryText.explain("EDXML_RECALLED", "OK", "something new")).isNull();
        assertThat(HistoryText.explain("INGEST", "OK", "")).isNull();
        // The stored entry keeps its sentence; the five-field constructor adds the code.
        RecordDetails.HistoryEvent e = new RecordDetails.HistoryEvent(Instant.EPOCH, "FIXITY", "OK",
                "every object matches its SHA-256 and SHA-512", "system");
        assertThat(e.detail()).isEqualTo("every object matches its SHA-256 and SHA-512");
        assertThat(e.detailText().code()).isEqualTo("FIXITY_MATCHES");
    }
}
