package vn.kyso.api;

import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document is generated from the controllers' annotations and served at /v3/api-docs. */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
class OpenApiDocsTest {

    private static final String SIGN = "$.paths['/api/v1/signatures'].post";
    private static final String VALIDATE = "$.paths['/api/v1/validations'].post";

    @Autowired
    MockMvc mvc;

    @Test
    void documentsEveryEndpointWithProblems() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Kyso"))
                .andExpect(jsonPath("$.tags[*].name", hasItems("Keys", "Signatures", "Validations")))
                .andExpect(jsonPath("$.paths['/api/v1/keys'].get.tags[0]").value("Keys"))
                .andExpect(jsonPath("$.paths['/api/v1/signatures/batch'].post.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/signatures/containers'].post.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/signatures/prepare'].post.summary").exists())
                .andExpect(jsonPath("$.paths['/api/v1/signatures/{id}/complete'].post.summary").exists())
                .andExpect(jsonPath(SIGN + ".tags[0]").value("Signatures"))
                .andExpect(jsonPath(SIGN + ".responses['200'].headers['X-Signature-Level']").exists())
                .andExpect(jsonPath(SIGN + ".responses['404'].content['application/problem+json']").exists())
                .andExpect(jsonPath(SIGN + ".responses['413'].content['application/problem+json']").exists())
                .andExpect(jsonPath(SIGN + ".responses['503'].content['application/problem+json']").exists())
                .andExpect(jsonPath("$.components.schemas.Problem.properties.code").exists())
                .andExpect(jsonPath("$.components.schemas.BatchItem.properties.problem").exists())
                .andExpect(jsonPath("$.paths['/verify']").doesNotExist());
    }

    @Test
    void documentsTheValidationEndpointWithItsThreeAnswers() throws Exception {
        String form = VALIDATE + ".requestBody.content['multipart/form-data'].schema";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath(VALIDATE + ".tags[0]").value("Validations"))
                .andExpect(jsonPath(form + ".required", hasItems("file")))
                .andExpect(jsonPath(form + ".properties.original").exists())
                .andExpect(jsonPath(form + ".properties.lang.enum", hasItems("vi", "en")))
                .andExpect(jsonPath(form + ".properties.format.enum", hasItems("json", "pdf", "etsi")))
                .andExpect(jsonPath(VALIDATE + ".responses['200'].content['application/json'].schema.$ref")
                        .value("#/components/schemas/ValidationReport"))
                .andExpect(jsonPath(VALIDATE + ".responses['200'].content['application/pdf']").exists())
                .andExpect(jsonPath(VALIDATE + ".responses['200'].content['application/xml']").exists())
                .andExpect(jsonPath(VALIDATE + ".responses['200'].headers['X-Validation-Verdict']").exists())
                .andExpect(jsonPath(VALIDATE + ".responses['415'].content['application/problem+json']").exists())
                .andExpect(jsonPath(VALIDATE + ".responses['429'].headers['Retry-After']").exists())
                .andExpect(jsonPath("$.components.schemas.ValidationReport.properties.verdict.enum",
                        hasItems("VALID", "INVALID", "INDETERMINATE", "UNSIGNED")))
                .andExpect(jsonPath("$.components.schemas.SignatureReport.properties.changesAfterSigning").exists());
    }

    @Test
    void documentsMultipartFieldsAsAForm() throws Exception {
        String form = SIGN + ".requestBody.content['multipart/form-data'].schema";
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath(form + ".required", hasItems("file")))
                .andExpect(jsonPath(form + ".properties.key.description", startsWith("Required.")))
                .andExpect(jsonPath(form + ".properties.file.format").value("binary"))
                .andExpect(jsonPath(form + ".properties.level.enum", hasItems("B-B", "B-T", "B-LT", "B-LTA")))
                .andExpect(jsonPath(form + ".properties.page.type").value("integer"))
                .andExpect(jsonPath(form + ".properties.appearance.default").value("none"));
    }
}
