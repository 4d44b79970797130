package vn.kyso.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.kyso.api.error.ErrorCatalog;

/**
 * Examples: the main operations' requests and answers from {@code openapi/examples.json}, and a problem
 * example for every problem answer built from its first code.
 */
final class Examples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    static Map<String, Object> problem(int status, String code, String path) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "urn:kyso:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        ErrorCatalog.Entry entry = ErrorCatalog.entry(code);
        p.put("title", entry != null ? entry.titleEn() : code);
        p.put("status", status);
        p.put("detail", "What went wrong this time, in English; detailVi in Vietnamese where the module words it");
        p.put("instance", path);
        p.put("code", code);
        if (status >= 500) {
            p.put("errorId", "3f1c2a9e-5b7d-4f0e-9a51-0c2f5d8e7b64");
        }
        return p;
    }

    /** Attaches each example of examples.json to its operation; an example whose operation is gone is an error. */
    static void attach(OpenAPI openApi) {
        for (JsonNode e : load()) {
            String path = e.get("path").asText();
            PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
            Operation op = item == null ? null : item.readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(e.get("method").asText()));
            if (op == null) {
                continue; // a slice that does not load the controller (the tests check the full set)
            }
            Object value = JSON.convertValue(e.get("value"), Object.class);
            String part = e.get("part").asText();
            if ("request".equals(part)) {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    set(op.getRequestBody().getContent(), e.get("mediaType").asText(), e, value);
                }
                continue;
            }
            ApiResponse response = "2xx".equals(part) ? firstSuccess(op) : op.getResponses().get(part);
            if (response != null && response.getContent() != null) {
                set(response.getContent(), e.get("mediaType").asText(), e, value);
            }
        }
    }

    private static ApiResponse firstSuccess(Operation op) {
        return op.getResponses().entrySet().stream().filter(r -> r.getKey().startsWith("2")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static void set(Content content, String mediaType, JsonNode e, Object value) {
        MediaType media = content.get(mediaType);
        if (media == null && content.size() == 1) {
            media = content.values().iterator().next();
        }
        if (media != null) {
            media.addExamples("example", new io.swagger.v3.oas.models.examples.Example()
                    .summary(e.get("summary").asText()).value(value));
        }
    }

    private static JsonNode load() {
        try (InputStream in = Examples.class.getResourceAsStream("/openapi/examples.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi/examples.json is missing from the jar");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
