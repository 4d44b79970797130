package vn.kyso.api.signing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.core.KeyFamily;
import vn.kyso.signing.KeyInfo;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class KeysControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void listsKeys() throws Exception {
        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("so-noi-vu"))
                .andExpect(jsonPath("$[0].family").value("SPECIALISED"))
                .andExpect(jsonPath("$[0].holder").value("ORGANISATION"))
                .andExpect(jsonPath("$[0].subject").value("CN=Sở Nội vụ, O=UBND tỉnh, C=VN"))
                .andExpect(jsonPath("$[0].issuer").value("CN=CA phục vụ các cơ quan Nhà nước, C=VN"))
                .andExpect(jsonPath("$[0].serialNumber").value("0a1b2c"))
                .andExpect(jsonPath("$[0].notBefore").value("2024-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[0].notAfter").value("2029-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[0].algorithm").value("RSA-2048"))
                .andExpect(jsonPath("$[0].available").value(true))
                // What a key picker shows instead of the distinguished name.
                .andExpect(jsonPath("$[0].name").value("Sở Nội vụ"))
                .andExpect(jsonPath("$[0].organisation").value("UBND tỉnh"))
                .andExpect(jsonPath("$[0].validNow").value(true));
    }

    @Test
    void aKeyWhoseCertificateHasExpiredIsHiddenUnlessAskedFor() throws Exception {
        fake.alsoList(new KeyInfo("so-noi-vu-2019", KeyFamily.SPECIALISED, KeyInfo.KeyHolder.ORGANISATION,
                "CN=Sở Nội vụ, O=UBND tỉnh, C=VN", "CN=CA phục vụ các cơ quan Nhà nước, C=VN", "0a1b2d",
                Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"), "RSA-2048", true));

        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("so-noi-vu"));
        mvc.perform(get("/api/v1/keys").param("includeExpired", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].id").value("so-noi-vu-2019"))
                .andExpect(jsonPath("$[1].validNow").value(false));
    }
}
