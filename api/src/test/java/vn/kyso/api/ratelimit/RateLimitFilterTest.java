package vn.kyso.api.ratelimit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/**
 * A burst of 3 and 6 a minute: one token every 10 s, so the 4th request in a row waits 10 s. The
 * buckets live as long as the context, so each test speaks from its own address. Time stands still here:
 * on a loaded machine the requests of one test took seconds, and a token refilled in between.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, RateLimitFilterTest.FrozenTime.class})
@TestPropertySource(properties = {"kyso.api.rate-limit.burst=3", "kyso.api.rate-limit.requests-per-minute=6"})
class RateLimitFilterTest {

    @TestConfiguration
    static class FrozenTime {
        @Bean
        RateLimitTicker frozen() {
            return () -> 0L;
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void afterTheBurstA429ProblemWithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(validate("192.0.2.1")).andExpect(status().isOk());
        }
        mvc.perform(validate("192.0.2.1"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:rate-limited"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.instance").value("/api/v1/validations"))
                .andExpect(jsonPath("$.errorId").doesNotExist());
    }

    @Test
    void eachClientHasItsOwnBudget() throws Exception {
        exhaust("192.0.2.2");
        mvc.perform(validate("192.0.2.3")).andExpect(status().isOk());
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() throws Exception {
        exhaust("192.0.2.4");
        mvc.perform(validate("192.0.2.4").header("X-Forwarded-For", "198.51.100.1"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void otherSpellingsOfThePathAreLimitedToo() throws Exception {
        exhaust("192.0.2.5");
        for (String path : new String[] {"/api/v1/validations;x=1", "/api//v1/validations", "/api/v1/validations/"}) {
            mvc.perform(multipart(path).file(file()).with(from("192.0.2.5")))
                    .andExpect(status().isTooManyRequests());
        }
    }

    @Test
    void otherEndpointsAreNotLimited() throws Exception {
        exhaust("192.0.2.6");
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/keys").with(from("192.0.2.6"))).andExpect(status().isOk());
        }
    }

    private void exhaust(String address) throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(validate(address)).andExpect(status().isOk());
        }
        mvc.perform(validate(address)).andExpect(status().isTooManyRequests());
    }

    private static MockMultipartHttpServletRequestBuilder validate(String address) {
        return multipart("/api/v1/validations").file(file())
                .with(from(address));
    }

    private static MockMultipartFile file() {
        return new MockMultipartFile("file", "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
