package vn.kyso.api.exchange;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/** Without an exchange service the endpoints answer 503 and the rest of the API starts as before. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@TestPropertySource(properties = "kyso.api.rate-limit.enabled=false")
class ExchangeNotConfiguredControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answers503() throws Exception {
        mvc.perform(post("/api/v1/exchange/incoming").contentType(MediaType.APPLICATION_XML).content("<a/>"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("SERVICE_NOT_CONFIGURED"));
    }
}
