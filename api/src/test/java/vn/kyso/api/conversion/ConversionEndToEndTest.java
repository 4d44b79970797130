package vn.kyso.api.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.FakeSigningService;
import vn.kyso.api.FakeValidationService;
import vn.kyso.conversion.autoconfigure.ConversionAutoConfiguration;

/** The real conversion service (Tika, LibreOffice, veraPDF) behind the real controller and problem handler. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ImportAutoConfiguration(ConversionAutoConfiguration.class)
@TestPropertySource(properties = {"kyso.api.rate-limit.enabled=false", "kyso.conversion.pool-size=1"})
class ConversionEndToEndTest {

    static final String SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam";

    @Autowired
    MockMvc mvc;

    @Test
    void anHtmlLetterBecomesACompliantPdfAWithItsVietnameseText() throws Exception {
        byte[] html = ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>" + SENTENCE
                + "</p></body></html>").getBytes(StandardCharsets.UTF_8);

        byte[] pdf = mvc.perform(multipart("/api/v1/conversions")
                        .file(new MockMultipartFile("file", "thu.docx", "application/octet-stream", html)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-PdfA-Profile", "PDF/A-2B"))
                .andExpect(header().string("X-PdfA-Compliant", "true"))
                .andExpect(header().string("X-Source-Media-Type", "text/html"))
                .andReturn().getResponse().getContentAsByteArray();

        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains(SENTENCE);
        }

        mvc.perform(multipart("/api/v1/conversions")
                        .file(new MockMultipartFile("file", "thu.html", "text/html", html)).param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compliant").value(true))
                .andExpect(jsonPath("$.failedRules.length()").value(0))
                .andExpect(jsonPath("$.textLength").value(SENTENCE.length()));
    }

    @Test
    void anExecutableIsRefusedAsUnsupported() throws Exception {
        byte[] elf = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/bin/true"));
        mvc.perform(multipart("/api/v1/conversions")
                        .file(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", elf)))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_TYPE"));
    }
}
