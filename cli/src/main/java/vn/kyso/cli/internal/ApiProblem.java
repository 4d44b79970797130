package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** An RFC 9457 problem the service answered with, shown in the terminal as the service worded it. */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String title;
    private final String detailVi;
    private final String errorId;
    private final String retryAfter;

    ApiProblem(int status, String code, String title, String detail, String detailVi, String errorId,
            String retryAfter) {
        super(detail != null ? detail : title);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detailVi = detailVi;
        this.errorId = errorId;
        this.retryAfter = retryAfter;
    }

    static ApiProblem of(int status, JsonNode body, String retryAfter) {
        if (body == null || !body.isObject()) {
            return new ApiProblem(status, "HTTP_" + status, "HTTP " + status, null, null, null, retryAfter);
        }
        return new ApiProblem(status, text(body, "code", "HTTP_" + status), text(body, "title", "HTTP " + status),
                text(body, "detail", null), text(body, "detailVi", null), text(body, "errorId", null), retryAfter);
    }

    private static String text(JsonNode body, String field, String otherwise) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? otherwise : n.asText();
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    int exitCode() {
        return Exit.of(status);
    }

    /** Code and status first (what a script greps), then the texts: Vietnamese first when asked for. */
    void print(PrintStream err, String language) {
        err.println("kyso: " + code + " (" + status + ") " + title);
        String en = getMessage();
        if ("vi".equals(language) && detailVi != null) {
            err.println("  " + detailVi);
            err.println("  " + en);
        } else {
            err.println("  " + en);
            if (detailVi != null) {
                err.println("  " + detailVi);
            }
        }
        if (retryAfter != null) {
            err.println("  retry after " + retryAfter + " s / thử lại sau " + retryAfter + " giây");
        }
        if (errorId != null) {
            err.println("  errorId: " + errorId + " (quote it when reporting / nêu mã này khi báo lỗi)");
        }
    }
}
