package vn.kyso.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/**
 * MockMvc does not run the container's multipart parser, so this proves the two halves separately:
 * application.yml binds the container limits to kyso.api.max-upload-size, and the API's own check of
 * that setting answers 413 with a problem.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ImportAutoConfiguration(MultipartAutoConfiguration.class)
@TestPropertySource(properties = {"kyso.api.max-upload-size=1KB", "kyso.api.max-batch-files=2"})
class UploadLimitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @Autowired
    MultipartProperties multipart;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void containerLimitsFollowTheSetting() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofKilobytes(1));
        assertThat(multipart.getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(1));
    }

    @Test
    void oversizeFileIsAPayloadTooLargeProblem() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").file(file("file", 1025))
                        .param("key", "k"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UPLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:upload-too-large"))
                .andExpect(jsonPath("$.status").value(413));
        assertThat(fake.lastSign).isNull();
    }

    @Test
    void aFileAtTheLimitIsAccepted() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").file(file("file", 1024)).param("key", "k"))
                .andExpect(status().isOk());
    }

    @Test
    void batchLimitsApplyToTheTotalAndTheCount() throws Exception {
        mvc.perform(multipart("/api/v1/signatures/batch").file(file("files", 600)).file(file("files", 600))
                        .param("key", "k"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("UPLOAD_TOO_LARGE"));
        mvc.perform(multipart("/api/v1/signatures/batch").file(file("files", 1)).file(file("files", 1))
                        .file(file("files", 1)).param("key", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("at most 2 files per request, got 3"));
        assertThat(fake.lastBatch).isNull();
    }

    private static MockMultipartFile file(String part, int size) {
        return new MockMultipartFile(part, "a.pdf", "application/pdf", new byte[size]);
    }
}
