package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ExtendWith(OutputCaptureExtension.class)
class RequestLogFilterTest {

    @Autowired
    MockMvc mvc;

    @Test
    void logsOneLinePerRequestWithoutQueryOrBody(CapturedOutput log) throws Exception {
        mvc.perform(get("/api/v1/keys").queryParam("pin", "123456"));
        mvc.perform(multipart("/api/v1/signatures")
                .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "SECRET-CONTENT".getBytes()))
                .param("key", "k"));

        assertThat(log.getOut()).containsPattern("GET /api/v1/keys 200 \\d+ms")
                .containsPattern("POST /api/v1/signatures 200 \\d+ms")
                .doesNotContain("123456", "SECRET-CONTENT");
    }
}
