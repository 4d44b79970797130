package vn.kyso.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

/**
 * The OpenAPI document's error answers (issue #14): every operation lists the problem codes it can answer,
 * each with the catalogue's status, and every code the suite provokes on an operation is listed there.
 * The same slice as {@link OpenApiDocsTest}, so both share one cached context.
 */
@WebMvcTest
@Import({FakeSigningService.class, FakeValidationService.class, OpenApiConfiguration.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
class OpenApiProblemCodesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private JsonNode docs(String path) throws Exception {
        return OpenApiDocsTest.docs(mvc, path);
    }

    private static List<Map.Entry<String, JsonNode>> operations(JsonNode docs) {
        return OpenApiDocsTest.operations(docs);
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
}
