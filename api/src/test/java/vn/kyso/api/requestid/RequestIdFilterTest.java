package vn.kyso.api.requestid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ExtendWith(OutputCaptureExtension.class)
class RequestIdFilterTest {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService signing;

    @AfterEach
    void reset() {
        signing.reset();
    }

    @Test
    void theCallersIdIsEchoedAndOnTheRequestsLogLine(CapturedOutput log) throws Exception {
        MockHttpServletResponse r = mvc.perform(get("/api/v1/keys").header("X-Request-Id", "lb-7f3a.42:x"))
                .andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeader("X-Request-Id")).isEqualTo("lb-7f3a.42:x");
        assertThat(log.getOut()).containsPattern("\\[lb-7f3a\\.42:x] .*GET /api/v1/keys 200 \\d+ms");
        // Not left behind on the thread for the next request it serves.
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void anUnacceptableIdIsReplacedByAFreshOne() throws Exception {
        for (String bad : new String[] {"two words", "x".repeat(129), "id\r\nFAKE: line", "-leading", ""}) {
            String id = mvc.perform(get("/api/v1/keys").header("X-Request-Id", bad)).andReturn().getResponse()
                    .getHeader("X-Request-Id");
            assertThat(id).as(bad).matches(UUID);
        }
        String none = mvc.perform(get("/api/v1/keys")).andReturn().getResponse().getHeader("X-Request-Id");
        String other = mvc.perform(get("/api/v1/keys")).andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(none).matches(UUID).isNotEqualTo(other);
        assertThat("x".repeat(128)).isEqualTo(RequestIds.accept("x".repeat(128)));
    }

    @Test
    void problemResponsesCarryTheRequestId(CapturedOutput log) throws Exception {
        signing.failWith(new SigningException(SigningError.HSM_UNAVAILABLE, "the HSM does not answer"));
        MockHttpServletResponse r = mvc.perform(get("/api/v1/keys").header("X-Request-Id", "support-case-17"))
                .andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(503);
        JsonNode problem = new ObjectMapper().readTree(r.getContentAsString());
        assertThat(problem.path("code").asText()).isEqualTo("HSM_UNAVAILABLE");
        assertThat(problem.path("requestId").asText()).isEqualTo("support-case-17");
        assertThat(r.getHeader("X-Request-Id")).isEqualTo("support-case-17");
        // The server's ERROR line about the 503 names the request too, so support finds it from the id.
        assertThat(log.getOut()).containsPattern("\\[support-case-17] .*" + problem.path("errorId").asText());
    }
}
