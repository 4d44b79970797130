package vn.kyso.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.letters.Letter;

/** The workflow's own rules that need no database or HSM; the steps run in {@link LettersEndToEndTest}. */
class LetterWorkflowTest {

    @Test
    void theHolderNameIsTheCommonNameThenTheOrganisation() {
        assertThat(LetterWorkflow.holderName("C=VN,O=Ủy ban nhân dân tỉnh Bình An,CN=Ủy ban nhân dân tỉnh Bình An"))
                .isEqualTo("Ủy ban nhân dân tỉnh Bình An");
        assertThat(LetterWorkflow.holderName("C=VN,O=Sở Nội vụ\\, tỉnh Bình An")).isEqualTo("Sở Nội vụ, tỉnh Bình An");
        assertThat(LetterWorkflow.holderName("not a name")).isEqualTo("not a name");
        assertThat(LetterWorkflow.holderName(null)).isNull();
    }

    @Test
    void theLettersPdfIsNamedAfterTheUploadWithoutItsPath() {
        assertThat(LetterWorkflow.pdfName("C:\\Users\\vt\\cong-van.docx")).isEqualTo("cong-van.pdf");
        assertThat(LetterWorkflow.pdfName("../../etc/passwd")).isEqualTo("passwd.pdf");
        assertThat(LetterWorkflow.pdfName(null)).isEqualTo("letter.pdf");
    }

    @Test
    void signingTimesAreShownInVietnamTimeAsTheSealShowsThem() {
        assertThat(LetterWorkflow.vietnamTime(Instant.parse("2026-11-22T03:15:30.123Z")))
                .isEqualTo("2026-11-22T10:15:30+07:00");
    }

    @Test
    void anAttachmentIsFiledUnderTheLettersNumberWithItsPlaceInTheSubject() {
        RecordMetadata letter = new RecordMetadata("G09", "G09.2026.01", "15/UBND-VP", LocalDate.of(2026, 11, 20),
                "Công văn", "Ủy ban nhân dân tỉnh Bình An", "Về việc tập huấn", "Trần Thị Bích Ngọc", "vi", 2,
                List.of(), null, null, PreservationPeriod.parse("10"), null);

        RecordMetadata annex = LetterWorkflow.attachmentMetadata(letter, new Letter.Attachment(1, "phu-luc.pdf", null));

        assertThat(annex.numberSymbol()).isEqualTo("15/UBND-VP");
        assertThat(annex.subject()).isEqualTo("Về việc tập huấn — Phụ lục 1 (phu-luc.pdf)");
        assertThat(annex.pageCount()).isNull();
        assertThat(annex.signer()).isEqualTo("Trần Thị Bích Ngọc");
    }
}
