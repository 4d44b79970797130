package vn.kyso.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.exchange.StatusCode;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, FakeExchangeService.class})
@TestPropertySource(properties = "kyso.api.rate-limit.enabled=false")
class ExchangeControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeExchangeService fake;

    @Test
    void acceptedMessageIsAnsweredWithTheStatusMessage() throws Exception {
        mvc.perform(post("/api/v1/exchange/incoming").param("receiver", "000.00.12.H99")
                        .contentType(MediaType.APPLICATION_XML).content("<good/>"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(header().string("X-Edxml-Status", "RECEIVED"))
                .andExpect(content().bytes(FakeExchangeService.RECEIVED));
        assertThat(fake.lastReceiver).isEqualTo("000.00.12.H99");
    }

    @Test
    void rejectionIsAProblemWithTheReasonOrTheStatusMessageWhenAsked() throws Exception {
        mvc.perform(post("/api/v1/exchange/incoming").contentType(MediaType.APPLICATION_XML).content("<bad/>"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"))
                .andExpect(jsonPath("$.detail").value("the signature is INVALID"))
                .andExpect(jsonPath("$.documentId").value("X,2026/11/20,1/A"));
        mvc.perform(post("/api/v1/exchange/incoming").param("format", "edxml")
                        .contentType(MediaType.APPLICATION_XML).content("<bad/>"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("X-Edxml-Reason", "SIGNATURE_INVALID"))
                .andExpect(content().bytes(FakeExchangeService.REJECTED));
    }

    @Test
    void statusTakesTheNameOrTheCode() throws Exception {
        mvc.perform(multipart("/api/v1/exchange/status").param("from", "000.00.12.H99").param("to", "000.00.00.H99")
                        .param("documentId", "X,2026/11/20,1/A").param("status", "05"))
                .andExpect(status().isOk());
        assertThat(fake.lastStatus.status()).isEqualTo(StatusCode.PROCESSING);
        mvc.perform(multipart("/api/v1/exchange/status").param("from", "000.00.12.H99").param("to", "000.00.00.H99")
                        .param("documentId", "X").param("status", "LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
    }
}
