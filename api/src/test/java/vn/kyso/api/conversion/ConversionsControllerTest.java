package vn.kyso.api.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.conversion.ConversionError;
import vn.kyso.conversion.ConversionException;
import vn.kyso.conversion.PdfAProfile;

@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, FakeConversionService.class})
@TestPropertySource(properties = "kyso.api.rate-limit.enabled=false")
class ConversionsControllerTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeConversionService fake;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void answersThePdfAWithTheVerdictInHeaders() throws Exception {
        mvc.perform(convert("công văn.docx"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(FakeConversionService.PDF))
                .andExpect(header().string("X-PdfA-Profile", "PDF/A-2B"))
                .andExpect(header().string("X-PdfA-Compliant", "true"))
                .andExpect(header().string("X-Source-Media-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"pdfa.pdf\""));

        assertThat(fake.lastRequest.fileName()).isEqualTo("công văn.docx");
        assertThat(fake.lastRequest.content()).isEqualTo(bytes("docx bytes"));
        assertThat(fake.lastRequest.profile()).isEqualTo(PdfAProfile.PDF_A_2B);
    }

    @ParameterizedTest
    @CsvSource({"format, json", "Accept, application/json"})
    void answersAJsonReportWhenAsked(String how, String value) throws Exception {
        fake.answerNonCompliant();
        var request = convert("a.docx");
        if (how.equals("format")) {
            request.param("format", value);
        } else {
            request.header("Accept", value);
        }
        mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string("X-PdfA-Compliant", "false"))
                .andExpect(jsonPath("$.sourceMediaType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(jsonPath("$.profile").value("PDF/A-2B"))
                .andExpect(jsonPath("$.compliant").value(false))
                .andExpect(jsonPath("$.failedRules[0].id").value("6.2.11.4.1-1"))
                .andExpect(jsonPath("$.failedRules[0].description")
                        .value("The font programs for all fonts shall be embedded"))
                .andExpect(jsonPath("$.failedRules[0].occurrences").value(3))
                .andExpect(jsonPath("$.pageCount").value(1))
                .andExpect(jsonPath("$.textLength").value(FakeConversionService.TEXT.length()))
                .andExpect(jsonPath("$.language").value("vi"));
    }

    @ParameterizedTest
    @CsvSource({"PDF/A-3B, PDF_A_3B", "3b, PDF_A_3B", "pdfa-2b, PDF_A_2B", "PDF_A_2B, PDF_A_2B"})
    void acceptsTheProfileInItsUsualSpellings(String value, PdfAProfile expected) throws Exception {
        mvc.perform(convert("a.docx").param("profile", value)).andExpect(status().isOk())
                .andExpect(header().string("X-PdfA-Profile", expected.label()));
        assertThat(fake.lastRequest.profile()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"profile, PDF/A-1B", "profile, 4", "format, xml"})
    void refusesABadParameterBeforeConverting(String name, String value) throws Exception {
        mvc.perform(convert("a.docx").param(name, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_REQUEST"));
        assertThat(fake.lastRequest).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "EMPTY_DOCUMENT, 400", "UNSUPPORTED_TYPE, 415", "DOCUMENT_TOO_LARGE, 413", "CONVERSION_FAILED, 422",
        "CONVERSION_TIMEOUT, 422", "CONVERTER_UNAVAILABLE, 503"})
    void mapsEachErrorToAProblem(ConversionError error, int status) throws Exception {
        fake.failWith(new ConversionException(error, "Chi tiết: " + error.title()));
        mvc.perform(convert("a.docx"))
                .andExpect(status().is(status))
                .andExpect(content().contentType(PROBLEM))
                .andExpect(jsonPath("$.code").value(error.code()))
                .andExpect(jsonPath("$.title").value(error.title()))
                .andExpect(jsonPath("$.type").value("urn:kyso:problem:" + error.code().toLowerCase().replace('_', '-')))
                .andExpect(jsonPath("$.detail").value("Chi tiết: " + error.title()));
    }

    @Test
    void unavailableConverterSaysWhenToRetry() throws Exception {
        fake.failWith(new ConversionException(ConversionError.CONVERTER_UNAVAILABLE, "LibreOffice is not installed"));
        mvc.perform(convert("a.docx"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.errorId").value(matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void aMissingFilePartIsABadRequest() throws Exception {
        mvc.perform(multipart("/api/v1/conversions").param("format", "json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(PROBLEM));
    }

    private static MockMultipartHttpServletRequestBuilder convert(String name) {
        return multipart("/api/v1/conversions")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes("docx bytes")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
