package vn.kyso.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.signing.SigningError;
import vn.kyso.signing.SigningException;

/**
 * Problems speak the client's language: Vietnamese when Accept-Language prefers it, English otherwise
 * (and when the header is absent, as before), with both languages kept in titleEn/titleVi and
 * detailEn/detailVi.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
class ProblemLanguageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeSigningService fake;

    @BeforeEach
    void reset() {
        fake.reset();
        fake.failWith(new SigningException(SigningError.KEY_NOT_FOUND, "No key 'so-tttt-01'"));
    }

    @Test
    void withoutAcceptLanguageTheAnswerIsEnglishAsBefore() throws Exception {
        mvc.perform(get("/api/v1/keys"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Language", "en"))
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("Accept-Language")))
                .andExpect(jsonPath("$.code").value("KEY_NOT_FOUND"))
                .andExpect(jsonPath("$.title").value("Unknown signing key"))
                .andExpect(jsonPath("$.detail").value("No key 'so-tttt-01'"))
                .andExpect(jsonPath("$.titleVi").value("Không có khóa ký này"))
                .andExpect(jsonPath("$.detailVi").value("Không có khóa ký này."))
                .andExpect(jsonPath("$.detailEn").value("No key 'so-tttt-01'"));
    }

    @Test
    void aVietnameseBrowserGetsVietnameseWithTheEnglishKept() throws Exception {
        mvc.perform(get("/api/v1/keys").header("Accept-Language", "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Language", "vi"))
                .andExpect(jsonPath("$.code").value("KEY_NOT_FOUND"))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:key-not-found"))
                .andExpect(jsonPath("$.title").value("Không có khóa ký này"))
                .andExpect(jsonPath("$.detail").value("Không có khóa ký này."))
                .andExpect(jsonPath("$.titleEn").value("Unknown signing key"))
                .andExpect(jsonPath("$.detailEn").value("No key 'so-tttt-01'"));
    }

    @Test
    void aModulesOwnVietnameseDetailIsUsed() throws Exception {
        fake.failWith(new SigningException(SigningError.COMPACT_SERIALIZATION_LEVEL, "compact is B-B only",
                "Dạng rút gọn chỉ dùng được ở mức B-B"));
        mvc.perform(get("/api/v1/keys").header("Accept-Language", "vi"))
                .andExpect(jsonPath("$.detail").value("Dạng rút gọn chỉ dùng được ở mức B-B"))
                .andExpect(jsonPath("$.detailEn").value("compact is B-B only"));
    }

    @Test
    void springsOwnErrorsAreTranslatedToo() throws Exception {
        mvc.perform(get("/api/v1/nothing-here").header("Accept-Language", "vi"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy"));
    }

    @Test
    void theHeaderIsReadByWeight() {
        assertThat(ProblemLanguage.of(null)).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of("")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of("vi")).isEqualTo(ProblemLanguage.VI);
        assertThat(ProblemLanguage.of("vi-VN")).isEqualTo(ProblemLanguage.VI);
        assertThat(ProblemLanguage.of("en-US,en;q=0.9,vi;q=0.8")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of("fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.5")).isEqualTo(ProblemLanguage.VI);
        assertThat(ProblemLanguage.of("fr")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of("vi;q=0")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of("*")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.of(";;;not a header")).isEqualTo(ProblemLanguage.EN);
    }
}
