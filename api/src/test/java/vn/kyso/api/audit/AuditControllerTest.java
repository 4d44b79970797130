package vn.kyso.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.audit.AuditAction;
import vn.kyso.audit.AuditEvent;
import vn.kyso.audit.AuditOutcome;

/** The interceptor records audited requests through the real MVC stack; the auditor's endpoints answer. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, RecordingAuditLog.class})
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecordingAuditLog audit;

    @Autowired
    FakeSigningService signing;

    @BeforeEach
    void reset() {
        signing.reset();
        audit.reset();
    }

    static MockMultipartFile pdf() {
        return new MockMultipartFile("file", "hop-dong.pdf", "application/pdf",
                "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void recordsASignatureWithTheActorAndKey() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").file(pdf()).param("key", "so-noi-vu")
                        .header("X-Kyso-Actor", "van-thu-01").with(r -> {
                            r.setRemoteAddr("10.1.2.3");
                            return r;
                        }))
                .andExpect(status().isOk());

        assertThat(audit.entries).singleElement().satisfies(e -> {
            AuditEvent ev = e.event();
            assertThat(ev.actor()).isEqualTo("van-thu-01");
            assertThat(ev.action()).isEqualTo(AuditAction.SIGN);
            assertThat(ev.outcome()).isEqualTo(AuditOutcome.OK);
            assertThat(ev.target()).isEqualTo("key:so-noi-vu");
            assertThat(ev.clientAddress()).isEqualTo("10.1.2.3");
            assertThat(ev.detail()).isEqualTo("POST /api/v1/signatures -> HTTP 200");
        });
    }

    @Test
    void recordsARefusalAsRefusedAndAnonymous() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").param("key", "k")).andExpect(status().isBadRequest());

        assertThat(audit.entries).singleElement().satisfies(e -> {
            assertThat(e.event().actor()).isEqualTo("anonymous");
            assertThat(e.event().outcome()).isEqualTo(AuditOutcome.REFUSED);
        });
    }

    @Test
    void leavesPublicValidationsOut() throws Exception {
        mvc.perform(multipart("/api/v1/validations").file(pdf()));
        mvc.perform(get("/api/v1/keys")).andExpect(status().isOk());

        assertThat(audit.entries).isEmpty();
    }

    @Test
    void servesEntriesVerificationAndCheckpoints() throws Exception {
        mvc.perform(multipart("/api/v1/signatures").file(pdf()).param("key", "k")).andExpect(status().isOk());

        mvc.perform(get("/api/v1/audit/entries").param("from", "1").param("limit", "10"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.items[0].sequence").value(1))
                .andExpect(jsonPath("$.items[0].event.action").value("SIGN"))
                .andExpect(jsonPath("$.items[0].recordedAt").value("2026-11-23T10:00:00Z"))
                .andExpect(jsonPath("$.head.sequence").value(1));
        mvc.perform(get("/api/v1/audit/verification"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.checked").value(1))
                .andExpect(jsonPath("$.firstBroken").isEmpty());
        mvc.perform(post("/api/v1/audit/checkpoints"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(1))
                .andExpect(jsonPath("$.tsa").value("CN=Demo TSA"));
        // The checkpoint request is itself audited.
        assertThat(audit.entries).extracting(e -> e.event().action())
                .containsExactly(AuditAction.SIGN, AuditAction.CHECKPOINT);
    }
}
