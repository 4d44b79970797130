package vn.kyso.api.ratelimit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/**
 * Authenticated clients have a budget each on the rest of the API, by credential: a burst of 2 here.
 * (Security itself is off in this slice; the limit reads the credential before authentication.)
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@TestPropertySource(properties = {"kyso.api.rate-limit.clients.burst=2",
        "kyso.api.rate-limit.clients.requests-per-minute=2"})
class RateLimitPerClientTest {

    @Autowired
    MockMvc mvc;

    @Test
    void oneCredentialCannotStarveTheOthers() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/api/v1/keys").header("X-Kyso-Api-Key", "system-a")).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/keys").header("X-Kyso-Api-Key", "system-a"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        mvc.perform(get("/api/v1/keys").header("X-Kyso-Api-Key", "system-b")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/keys").header("Authorization", "Bearer token-c")).andExpect(status().isOk());
    }

    @Test
    void requestsWithoutCredentialsAreLeftToAuthentication() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/v1/keys")).andExpect(status().isOk());
        }
    }
}
