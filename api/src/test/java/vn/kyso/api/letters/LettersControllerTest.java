package vn.kyso.api.letters;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/**
 * The controller slice, which has no database and no conversion: the letters endpoints answer 503 and
 * the page is still served, with the strict policy. The workflow itself runs in {@link LettersEndToEndTest}.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@TestPropertySource(properties = "kyso.api.rate-limit.enabled=false")
class LettersControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void withoutTheDatabaseTheEndpointsAnswer503() throws Exception {
        mvc.perform(get("/api/v1/letters"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_NOT_CONFIGURED"));
        mvc.perform(multipart("/api/v1/letters").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                        "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void missingKeyOrHalfAPlacementIsABadRequestBeforeAnyWork() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        mvc.perform(post("/api/v1/letters/" + id + "/signature"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        mvc.perform(post("/api/v1/letters/" + id + "/signature").param("key", "tran-thi-bich-ngoc")
                        .param("x", "10"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void thePageIsServedWithTheStrictPolicy() throws Exception {
        mvc.perform(get("/letters"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.startsWith("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }
}
