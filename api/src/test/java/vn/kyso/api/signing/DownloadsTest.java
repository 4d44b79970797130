package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ContentDisposition;

class DownloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Công văn số 123-UBND về việc ĐẦU TƯ.pdf",
        "Tờ trình (dự thảo) 50% ngân sách.pdf",
        "quote\"back\\slash;semi,comma.xml",
        "line\r\nInjected: header.pdf",
        "日本語.pdf"})
    void everyNameSurvivesTheRoundTrip(String name) {
        String header = Downloads.attachment(name);

        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(name);
        assertThat(header).startsWith("attachment; filename=\"").doesNotContain("\r", "\n");
        // The fallback is plain ASCII that cannot end the quoted string early.
        String fallback = header.substring("attachment; filename=\"".length(), header.indexOf("\"; filename*="));
        assertThat(fallback).matches("[\\x20-\\x7e&&[^\"\\\\%]]*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Công văn Đề nghị.pdf"})
    void fallbackDropsVietnameseDiacritics(String name) {
        assertThat(Downloads.attachment(name))
                .isEqualTo("attachment; filename=\"Cong van De nghi.pdf\"; "
                        + "filename*=UTF-8''C%C3%B4ng%20v%C4%83n%20%C4%90%E1%BB%81%20ngh%E1%BB%8B.pdf");
    }
}
