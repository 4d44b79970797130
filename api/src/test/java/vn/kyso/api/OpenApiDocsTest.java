package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import vn.kyso.api.openapi.OpenApiConfiguration;

/**
 * The OpenAPI document is generated from the controllers' annotations and served at /v3/api-docs; its error
 * answers and their problem codes are {@link OpenApiProblemCodesTest}'s.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, OpenApiConfiguration.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
class OpenApiDocsTest {

    private static final String SIGN = "$.paths['/api/v1/signatures'].post";
    private static final String VALIDATE = "$.paths['/api/v1/validations'].post";
    private static final String VALIDATE_PTR = "/paths/~1api~1v1~1validations/post";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

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

    // ------------------------------------------------------------- completeness, issue #14

    private JsonNode docs(String path) throws Exception {
        return docs(mvc, path);
    }

    /** The OpenAPI document served at {@code path} (also {@link OpenApiProblemCodesTest}'s). */
    static JsonNode docs(MockMvc mvc, String path) throws Exception {
        return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
    }

    /** Every operation of the document as "METHOD /path" and its node. */
    static List<Map.Entry<String, JsonNode>> operations(JsonNode docs) {
        List<Map.Entry<String, JsonNode>> ops = new ArrayList<>();
        docs.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.add(Map.entry(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue()));
            }
        }));
        return ops;
    }

    @Test
    void everyOperationHasAReadableUniqueOperationId() throws Exception {
        List<Map.Entry<String, JsonNode>> ops = operations(docs("/v3/api-docs"));
        assertThat(ops).hasSizeGreaterThan(30);
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : ops) {
            String id = op.getValue().path("operationId").asText();
            assertThat(id).as(op.getKey()).matches("[a-z][a-zA-Z0-9]*");
            assertThat(ids.add(id)).as("%s: operationId %s used twice", op.getKey(), id).isTrue();
        }
        assertThat(ids).contains("sign", "startArchiveJob", "getArchiveJob");
    }

    @Test
    void theSecuritySchemesAreThoseTheFiltersAcceptAndPublicOperationsNeedNone() throws Exception {
        JsonNode docs = docs("/v3/api-docs");
        assertThat(docs.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("apiKey");
        assertThat(docs.at("/components/securitySchemes/apiKey/in").asText()).isEqualTo("header");
        assertThat(docs.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Kyso-Api-Key");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(docs.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        JsonNode keys = docs.at("/paths/~1api~1v1~1keys/get");
        assertThat(keys.get("security").toString()).contains("apiKey", "bearer");
        assertThat(keys.get("x-roles").toString()).contains("SIGNER", "CLERK");
        JsonNode validate = docs.at("/paths/~1api~1v1~1validations/post");
        assertThat(validate.get("security")).isEmpty();
        assertThat(validate.get("x-public").asBoolean()).isTrue();
    }

    @Test
    void theMainOperationsCarryExamples() throws Exception {
        JsonNode docs = docs("/v3/api-docs");
        assertThat(docs.at("/paths/~1api~1v1~1signatures/post/requestBody/content/multipart~1form-data/examples"
                + "/example/value/key").asText()).isEqualTo("ubnd-binh-an");
        assertThat(docs.at(VALIDATE_PTR + "/responses/200/content/application~1json/examples/example/value/verdict")
                .asText()).isEqualTo("VALID");
        String records = "/paths/~1api~1v1~1records";
        assertThat(docs.at(records + "/post/requestBody/content/multipart~1form-data/examples/example/value/fondCode")
                .asText()).isEqualTo("G09");
        assertThat(docs.at(records + "/get/responses/200/content").toString()).contains("\"total\":1");
        assertThat(docs.at("/paths/~1api~1v1~1records~1{id}/get/responses/200/content").toString())
                .contains("12/UBND-VP");
        assertThat(docs.at("/paths/~1api~1v1~1archive-jobs~1{kind}/post/responses/202/content").toString())
                .contains("RUNNING");
        // Every example in the file found its operation.
        JsonNode file = JSON.readTree(OpenApiConfiguration.class.getResourceAsStream("/openapi/examples.json"));
        for (JsonNode e : file) {
            String ptr = "/paths/" + e.get("path").asText().replace("~", "~0").replace("/", "~1") + "/"
                    + e.get("method").asText().toLowerCase(Locale.ROOT);
            assertThat(docs.at(ptr).toString()).as(ptr).contains(e.get("summary").asText().replace("\"", "\\\""));
        }
    }

    @Test
    void anOpenApi30RenderingServesClientGenerators() throws Exception {
        JsonNode v31 = docs("/v3/api-docs");
        JsonNode v30 = docs("/v3/api-docs/3.0");
        assertThat(v31.get("openapi").asText()).startsWith("3.1");
        assertThat(v30.get("openapi").asText()).isEqualTo("3.0.3");
        Set<String> paths31 = new HashSet<>();
        v31.get("paths").fieldNames().forEachRemaining(paths31::add);
        Set<String> paths30 = new HashSet<>();
        v30.get("paths").fieldNames().forEachRemaining(paths30::add);
        assertThat(paths30).isEqualTo(paths31);
        List<String> typeArrays = new ArrayList<>();
        walk(v30, "", (ptr, node) -> {
            if (node.get("type") != null && node.get("type").isArray()) {
                typeArrays.add(ptr);
            }
            if (node.has("const") || node.has("contentMediaType")) {
                typeArrays.add(ptr);
            }
        });
        assertThat(typeArrays).as("3.1-only schema keywords left in the 3.0 rendering").isEmpty();
        assertThat(v30.at("/components/schemas/Problem/properties/code/type").asText()).isEqualTo("string");
        assertThat(v30.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Kyso-Api-Key");
    }

    private static void walk(JsonNode node, String ptr, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(ptr, node);
            node.properties().forEach(f -> walk(f.getValue(), ptr + "/" + f.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), ptr + "/" + i, visit);
            }
        }
    }
}
