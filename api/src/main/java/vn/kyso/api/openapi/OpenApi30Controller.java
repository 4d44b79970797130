package vn.kyso.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.kyso.api.error.ApiError;
import vn.kyso.api.error.ApiException;

/**
 * The same description as OpenAPI 3.0 ({@code GET /v3/api-docs/3.0}) for client generators that do not
 * read 3.1 yet: springdoc 3 writes 3.1 only. The 3.1 document is rewritten where the versions differ for
 * what springdoc emits: type arrays with "null" become {@code nullable}, schema {@code examples} an {@code
 * example}, {@code const} a one-value enum, numeric exclusive bounds the boolean form, and binary content
 * {@code format: binary}. The public path sits under {@code /v3/api-docs/**}, which the access rules open.
 */
@RestController
@Hidden
class OpenApi30Controller {

    static final String PATH = "/v3/api-docs/3.0";
    static final String VERSION = "3.0.3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<OpenApiWebMvcResource> springdoc;

    OpenApi30Controller(ObjectProvider<OpenApiWebMvcResource> springdoc) {
        this.springdoc = springdoc;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> openApi30(HttpServletRequest request, Locale locale) throws IOException {
        OpenApiWebMvcResource resource = springdoc.getIfAvailable();
        if (resource == null) {
            throw new ApiException(ApiError.SERVICE_NOT_CONFIGURED, "the OpenAPI description is switched off");
        }
        JsonNode openApi31 = JSON.readTree(resource.openapiJson(request, "/v3/api-docs", locale));
        // Bytes, not the node: Spring MVC writes JSON with Jackson 3, which does not know Jackson 2's tree.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsBytes(toOpenApi30(openApi31)));
    }

    static JsonNode toOpenApi30(JsonNode openApi31) {
        ObjectNode root = openApi31.deepCopy();
        root.put("openapi", VERSION);
        root.remove("jsonSchemaDialect");
        root.remove("webhooks");
        if (root.get("info") instanceof ObjectNode info) {
            info.remove("summary");
            if (info.get("license") instanceof ObjectNode license) {
                license.remove("identifier");
            }
        }
        rewrite(root);
        return root;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30Controller::rewrite);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (object.get("type") instanceof ArrayNode types) {
            List<String> named = new ArrayList<>();
            types.forEach(t -> named.add(t.asText()));
            if (named.remove("null")) {
                object.put("nullable", true);
            }
            if (named.isEmpty()) {
                object.remove("type");
            } else {
                object.put("type", named.get(0));
            }
        }
        if (object.has("type") && object.get("examples") instanceof ArrayNode examples) {
            object.remove("examples");
            if (!examples.isEmpty() && !object.has("example")) {
                object.set("example", examples.get(0));
            }
        }
        if (object.has("const")) {
            object.set("enum", JSON.createArrayNode().add(object.remove("const")));
        }
        for (String bound : List.of("exclusiveMinimum", "exclusiveMaximum")) {
            if (object.get(bound) != null && object.get(bound).isNumber()) {
                object.set(bound.equals("exclusiveMinimum") ? "minimum" : "maximum", object.get(bound));
                object.put(bound, true);
            }
        }
        if (object.has("contentMediaType") || object.has("contentEncoding")) {
            boolean base64 = "base64".equals(object.path("contentEncoding").asText());
            object.remove("contentMediaType");
            object.remove("contentEncoding");
            if (!object.has("format")) {
                object.put("format", base64 ? "byte" : "binary");
            }
        }
        object.remove("$schema");
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
        fields.forEach(f -> rewrite(f.getValue()));
    }
}
