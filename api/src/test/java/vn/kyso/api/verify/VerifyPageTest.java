package vn.kyso.api.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class VerifyPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService signing;

    @BeforeEach
    void reset() {
        signing.reset(); // slices share the fake, and other tests leave failures in it
    }

    @Test
    void servesTheVietnamesePageForQrLinks() throws Exception {
        securityHeaders(mvc.perform(get("/verify").queryParam("id", "123/QĐ-UBND").queryParam("h", "ab")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().encoding(StandardCharsets.UTF_8))
                .andExpect(header().string("Cache-Control", "no-cache"))
                .andExpect(content().string(containsString("<html lang=\"vi\">")))
                .andExpect(content().string(containsString("<label for=\"file\"")))
                // Without JavaScript the form still posts, and the browser downloads the PDF report.
                .andExpect(content().string(containsString("action=\"/api/v1/validations\"")))
                .andExpect(content().string(containsString("name=\"format\" value=\"pdf\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/verify/verify.js", "/verify/verify-text.js", "/verify/verify.css",
        "/assets/kyso.css", "/assets/kyso.js", "/assets/favicon.svg"})
    void assetsComeFromThisApplicationWithTheSameHeaders(String path) throws Exception {
        securityHeaders(mvc.perform(get(path))).andExpect(status().isOk());
    }

    @Test
    void theApiKeepsItsOwnHeaders() throws Exception {
        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Content-Security-Policy"));
    }

    /** No CDN, no font service, no analytics: the policy would block them, and a citizen's phone need not call them. */
    @ParameterizedTest
    @ValueSource(strings = {"verify/index.html", "verify/verify.js", "verify/verify-text.js", "verify/verify.css",
        "assets/kyso.css", "assets/kyso.js"})
    void thePageLoadsNothingFromElsewhere(String file) throws IOException {
        String text = resource("static/" + file);
        assertThat(text).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/")
                .doesNotContain("innerHTML", "eval(", "style=\"", "onclick=");
    }

    private static ResultActions securityHeaders(ResultActions result) throws Exception {
        return result
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = VerifyPageTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
