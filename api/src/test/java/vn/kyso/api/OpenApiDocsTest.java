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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.kyso.api.error.ErrorCatalog;
import vn.kyso.api.openapi.OpenApiConfiguration;

/** The OpenAPI document is generated from the controllers' annotations and served at /v3/api-docs. */
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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

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
        return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray());
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode docs) {
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
    void everyOperationDocumentsItsProblemAnswersWithTheirCodes() throws Exception {
        for (Map.Entry<String, JsonNode> op : operations(docs("/v3/api-docs"))) {
            JsonNode responses = op.getValue().get("responses");
            boolean isPublic = op.getValue().path("x-public").asBoolean(false);
            List<String> statuses = new ArrayList<>(List.of("400", "500", "503"));
            statuses.addAll(isPublic ? List.of("429") : List.of("401", "403"));
            for (String status : statuses) {
                JsonNode r = responses.get(status);
                assertThat(r).as("%s answers %s", op.getKey(), status).isNotNull();
                assertThat(r.at("/content/application~1problem+json/schema/$ref").asText())
                        .as("%s %s schema", op.getKey(), status).isEqualTo("#/components/schemas/Problem");
                assertThat(r.get("x-problem-codes")).as("%s %s codes", op.getKey(), status).isNotEmpty();
            }
        }
        JsonNode signing = docs("/v3/api-docs").at("/paths/~1api~1v1~1signatures/post/responses");
        assertThat(signing.at("/404/x-problem-codes").toString()).contains("KEY_NOT_FOUND");
        assertThat(signing.at("/403/x-problem-codes").toString()).contains("KEY_NOT_YOURS", "FORBIDDEN");
        assertThat(signing.at("/413/x-problem-codes").toString()).contains("UPLOAD_TOO_LARGE");
        assertThat(signing.at("/401/content/application~1problem+json/example/code").asText())
                .isEqualTo("UNAUTHENTICATED");
        JsonNode jobs = docs("/v3/api-docs").at("/paths/~1api~1v1~1archive-jobs~1{kind}/post/responses");
        assertThat(jobs.at("/409/x-problem-codes").toString()).contains("JOB_ALREADY_RUNNING");
        assertThat(jobs.at("/202/headers/Location")).isNotNull();
    }

    @Test
    void anOperationListsTheCodesItCanAnswerNotEveryCodeOfItsModule() throws Exception {
        JsonNode docs = docs("/v3/api-docs");
        // Declared with @ProblemCodes: the module errors the method raises, plus the web layer's own.
        assertThat(problemCodes(docs, "/api/v1/records/{id}", "get")).isEqualTo(Map.of(
                "400", List.of("INVALID_REQUEST"),
                "401", List.of("UNAUTHENTICATED"),
                "403", List.of("FORBIDDEN"),
                "404", List.of("RECORD_NOT_FOUND"),
                "500", List.of("INTERNAL_ERROR"),
                "503", List.of("CATALOGUE_UNAVAILABLE", "SERVICE_NOT_CONFIGURED")));
        assertThat(problemCodes(docs, "/api/v1/archive-jobs/{kind}", "post")).isEqualTo(Map.of(
                "400", List.of("INVALID_REQUEST"),
                "401", List.of("UNAUTHENTICATED"),
                "403", List.of("FORBIDDEN"),
                "409", List.of("JOB_ALREADY_RUNNING"),
                "500", List.of("INTERNAL_ERROR"),
                "503", List.of("CATALOGUE_UNAVAILABLE", "SERVICE_NOT_CONFIGURED")));
        assertThat(problemCodes(docs, "/api/v1/archive-jobs/exports/{id}/package", "get")).isEqualTo(Map.of(
                "400", List.of("INVALID_REQUEST"),
                "401", List.of("UNAUTHENTICATED"),
                "403", List.of("FORBIDDEN"),
                "404", List.of("JOB_NOT_FOUND"),
                "409", List.of("EXPORT_NOT_READY"),
                "500", List.of("INTEGRITY_FAILURE", "INTERNAL_ERROR"),
                "503", List.of("CATALOGUE_UNAVAILABLE", "SERVICE_NOT_CONFIGURED", "STORAGE_UNAVAILABLE")));
        // An upload adds the upload guard's causes.
        Map<String, List<String>> ingest = problemCodes(docs, "/api/v1/records", "post");
        assertThat(ingest.get("413")).containsExactly("DOCUMENT_TOO_LARGE", "UPLOAD_TOO_LARGE");
        assertThat(ingest.get("400")).containsExactly("EMPTY_DOCUMENT", "INVALID_REQUEST", "METADATA_INVALID");
        assertThat(ingest.get("409")).containsExactly("DUPLICATE_RECORD", "FILE_CLOSED");
        assertThat(ingest).doesNotContainKey("404");
        // The exports answer 202 with their status resource on Prefer: respond-async.
        assertThat(docs.at("/paths/~1api~1v1~1records~1{id}~1package/get/responses/202/content/application~1json"
                + "/schema/$ref").asText()).isEqualTo("#/components/schemas/ExportStatus");
        // The carrier of the declarations is not published.
        assertThat(docs.toString()).doesNotContain("x-kyso-declared-problem-codes");
        // Every listed code is one of the catalogue, with the catalogue's status.
        for (Map.Entry<String, JsonNode> op : operations(docs)) {
            op.getValue().get("responses").properties().forEach(r -> r.getValue().path("x-problem-codes")
                    .forEach(code -> assertThat(ErrorCatalog.entry(code.asText())).as("%s %s", op.getKey(), code)
                            .isNotNull().extracting(ErrorCatalog.Entry::status)
                            .isEqualTo(Integer.parseInt(r.getKey()))));
        }
    }

    @Test
    void everyHandlerDeclaresItsProblemCodes() {
        List<String> undeclared = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/"))
                .filter(p -> OpenApiConfiguration.declaredCodes(handler.getMethod()) == null)
                .forEach(p -> undeclared.add(info.getMethodsCondition().getMethods() + " " + p + " "
                        + handler.getShortLogMessage())));
        assertThat(undeclared).as("operations without @ProblemCodes (or a group annotation carrying it)").isEmpty();
    }

    @Test
    void everyErrorAnswerListsTheCodesOfItsStatusAndNoneIsLeftEmpty() throws Exception {
        for (Map.Entry<String, JsonNode> op : operations(docs("/v3/api-docs"))) {
            op.getValue().get("responses").properties().forEach(r -> {
                int status = Integer.parseInt(r.getKey());
                JsonNode codes = r.getValue().path("x-problem-codes");
                if (status >= 400) {
                    assertThat(codes.isArray() && !codes.isEmpty()).as("%s %s has no x-problem-codes", op.getKey(),
                            status).isTrue();
                    assertThat(r.getValue().at("/content/application~1problem+json").isMissingNode())
                            .as("%s %s problem content", op.getKey(), status).isFalse();
                } else {
                    assertThat(codes.isMissingNode()).as("%s %s is no problem", op.getKey(), status).isTrue();
                }
            });
        }
    }

    /**
     * Codes the suite provokes on an operation, each with the test that does (a code a client met must be
     * documented where it met it).
     */
    private static final List<List<String>> PROVOKED = List.of(
            List.of("POST /api/v1/signatures", "KEY_NOT_FOUND", "SigningEndToEndTest, CliEndToEndTest"),
            List.of("POST /api/v1/signatures", "KEY_NOT_YOURS", "SecurityMatrixTest"),
            List.of("POST /api/v1/signatures", "HSM_UNAVAILABLE", "ProblemHandlerTest"),
            List.of("POST /api/v1/signatures", "TSA_UNAVAILABLE", "SigningEndToEndTest"),
            List.of("POST /api/v1/signatures", "COMPACT_SERIALIZATION_LEVEL", "JadesEndToEndTest"),
            List.of("POST /api/v1/signatures", "SIGNATURE_NOT_AUDITED", "SignatureAuditDurabilityTest"),
            List.of("POST /api/v1/signatures/batch", "KEY_NOT_FOUND", "BatchZipTest"),
            List.of("POST /api/v1/signatures/{id}/complete", "PREPARED_SIGNATURE_NOT_FOUND",
                    "RemoteSigningControllerTest"),
            List.of("POST /api/v1/validations/signed-revision", "SIGNATURE_NOT_FOUND", "ValidationsControllerTest"),
            List.of("POST /api/v1/validations", "VALIDATION_FAILED", "ValidationsControllerTest"),
            List.of("POST /api/v1/validations", "ORIGINAL_REQUIRED", "JadesEndToEndTest"),
            List.of("POST /api/v1/conversions", "UNSUPPORTED_TYPE", "ConversionEndToEndTest"),
            List.of("POST /api/v1/letters/{id}/signature", "KEY_NOT_YOURS", "SecurityMatrixTest"),
            List.of("POST /api/v1/letters/{id}/signature", "LETTER_STATE_CONFLICT", "LettersEndToEndTest"),
            List.of("POST /api/v1/letters/{id}/issue", "KEY_NOT_YOURS", "SecurityMatrixTest"),
            List.of("POST /api/v1/letters/{id}/issue", "LETTER_STATE_CONFLICT", "LettersEndToEndTest"),
            List.of("GET /api/v1/letters/{id}", "LETTER_NOT_YOURS", "LettersOwnershipTest"),
            List.of("POST /api/v1/exchange/outgoing", "KEY_NOT_YOURS", "SecurityMatrixTest"),
            List.of("POST /api/v1/exchange/incoming", "KEY_NOT_YOURS", "SecurityMatrixTest"),
            List.of("POST /api/v1/exchange/incoming", "SIGNATURE_INVALID", "ExchangeEndToEndTest"),
            List.of("POST /api/v1/exchange/incoming", "WRONG_RECEIVER", "ExchangeEndToEndTest"),
            List.of("POST /api/v1/exchange/incoming", "DUPLICATE_MESSAGE", "ExchangeEndToEndTest"),
            List.of("POST /api/v1/exchange/incoming", "FORBIDDEN_XML", "ExchangeEndToEndTest"),
            List.of("GET /api/v1/audit/entries", "AUDIT_DISABLED", "AuditDisabledControllerTest"),
            List.of("PUT /api/v1/admin/key-owners/{alias}", "AUDIT_UNAVAILABLE", "AdminControllerTest"),
            List.of("POST /api/v1/admin/api-keys", "AUDIT_UNAVAILABLE", "AdminControllerTest"),
            List.of("DELETE /api/v1/admin/api-keys/{id}", "API_KEY_REVOKED", "AdminControllerTest"),
            List.of("DELETE /api/v1/admin/key-owners/{alias}", "KEY_OWNER_NOT_FOUND", "AdminControllerTest"),
            List.of("GET /api/v1/archive-jobs/exports/{id}/package", "EXPORT_NOT_READY", "ExportJobsEndToEndTest"),
            List.of("GET /api/v1/archive-jobs/exports/{id}", "JOB_NOT_FOUND", "ExportJobsEndToEndTest"),
            List.of("POST /api/v1/disposal-lists/{id}/approval", "DISPOSAL_SAME_PERSON",
                    "DisposalApprovalEndToEndTest"),
            List.of("POST /api/v1/disposal-lists/{id}/approval", "DISPOSAL_DECISION_INVALID",
                    "DisposalApprovalEndToEndTest"));

    /** The upload endpoints UploadCausesEndToEndTest runs every cause against, as OpenAPI paths. */
    private static final List<String> UPLOADS = List.of("/api/v1/signatures", "/api/v1/signatures/batch",
            "/api/v1/signatures/containers", "/api/v1/signatures/qr-codes", "/api/v1/signatures/prepare",
            "/api/v1/validations", "/api/v1/validations/signed-revision",
            "/api/v1/issued-documents/{documentId}/comparison", "/api/v1/records", "/api/v1/conversions",
            "/api/v1/letters", "/api/v1/letters/{id}/issue", "/api/v1/exchange/outgoing");
    /** Those of them that take an encrypted PDF as it is (the same test's TAKES_ENCRYPTED). */
    private static final Set<String> TAKES_ENCRYPTED = Set.of("/api/v1/validations",
            "/api/v1/validations/signed-revision", "/api/v1/issued-documents/{documentId}/comparison",
            "/api/v1/signatures/containers");

    @Test
    void everyCodeTheSuiteProvokesOnAnOperationIsListedThere() throws Exception {
        JsonNode docs = docs("/v3/api-docs");
        for (List<String> row : PROVOKED) {
            String[] op = row.get(0).split(" ", 2);
            assertThat(allCodes(docs, op[1], op[0].toLowerCase(Locale.ROOT))).as("%s answers %s (%s)", row.get(0),
                    row.get(1), row.get(2)).contains(row.get(1));
        }
        for (String path : UPLOADS) {
            List<String> codes = allCodes(docs, path, "post");
            assertThat(codes).as("POST %s", path).contains("EMPTY_DOCUMENT", "UPLOAD_TOO_LARGE");
            if (TAKES_ENCRYPTED.contains(path)) {
                assertThat(codes).as("POST %s takes an encrypted PDF", path).doesNotContain("ENCRYPTED_PDF");
            } else {
                assertThat(codes).as("POST %s refuses an encrypted PDF", path).contains("ENCRYPTED_PDF");
            }
        }
    }

    private static List<String> allCodes(JsonNode docs, String path, String method) {
        JsonNode item = docs.get("paths").get(path);
        assertThat(item).as("path %s", path).isNotNull();
        assertThat(item.get(method)).as("%s %s", method, path).isNotNull();
        return problemCodes(docs, path, method).values().stream().flatMap(List::stream).toList();
    }

    private static Map<String, List<String>> problemCodes(JsonNode docs, String path, String method) {
        JsonNode responses = docs.get("paths").get(path).get(method).get("responses");
        Map<String, List<String>> codes = new java.util.TreeMap<>();
        responses.properties().forEach(r -> {
            if (r.getValue().has("x-problem-codes")) {
                List<String> list = new ArrayList<>();
                r.getValue().get("x-problem-codes").forEach(c -> list.add(c.asText()));
                codes.put(r.getKey(), list);
            }
        });
        return codes;
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
