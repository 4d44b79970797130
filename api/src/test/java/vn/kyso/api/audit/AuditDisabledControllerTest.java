package vn.kyso.api.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;

/** Without an audit log, audited requests still work and the auditor's endpoints say 503. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class AuditDisabledControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService signing;

    /** The fake is shared by every slice with the same configuration: clear what other tests asked of it. */
    @org.junit.jupiter.api.BeforeEach
    void reset() {
        signing.reset();
    }

    @Test
    void signingStillWorks() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").file(AuditControllerTest.pdf()).param("key", "k"))
                .andExpect(status().isOk());
    }

    @Test
    void theAuditorsEndpointsAreUnavailable() throws Exception {
        mvc.perform(get("/api/v1/audit/verification"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.code").value("AUDIT_DISABLED"));
    }
}
