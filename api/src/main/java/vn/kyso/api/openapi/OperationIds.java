package vn.kyso.api.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operation ids a client generator turns into readable method names: springdoc names an operation after its
 * Java method and numbers clashes ({@code jobs_1}); here a clash or a numbered id gets the words of its path
 * instead ({@code archiveJobs}), and every id is camelCase.
 */
final class OperationIds {

    static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern NUMBERED = Pattern.compile("_\\d+$");

    private OperationIds() {
    }

    static void makeReadableAndUnique(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        // Explicit ids first (set with @Operation(operationId=…)), so a derived one never takes their name.
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> {
            if (op.getOperationId() != null && !NUMBERED.matcher(op.getOperationId()).find()) {
                seen.add(op.getOperationId());
            }
        }));
        Set<String> kept = new HashSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((m, op) -> {
            String id = op.getOperationId();
            boolean numbered = id == null || NUMBERED.matcher(id).find();
            if (!numbered && kept.add(id)) {
                return;
            }
            String derived = derive(m.name(), path);
            for (int n = 2; seen.contains(derived) || kept.contains(derived); n++) {
                derived = derive(m.name(), path) + n;
            }
            rename(op, derived);
            kept.add(derived);
            seen.add(derived);
        }));
    }

    /** {@code GET /api/v1/archive-jobs/{id}} → {@code getArchiveJobsById}. */
    static String derive(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals("api") || segment.matches("v\\d+")) {
                continue;
            }
            boolean variable = segment.startsWith("{");
            String words = segment.replaceAll("[{}*]", "").replaceAll(":.*", "");
            if (variable) {
                id.append("By");
            }
            for (String w : words.split("[^A-Za-z0-9]+")) {
                if (!w.isEmpty()) {
                    id.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static void rename(Operation op, String id) {
        op.setOperationId(id);
    }
}
