package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kyso verify}: whether a copy of an issued document is the archived original its QR code names —
 * the check a citizen makes on /verify, from a shell. Exits 0 for IDENTICAL or EXTENDS_ORIGINAL.
 */
@Command(name = "verify", description = "Compare a copy with the archived original a document id (QR code) names")
final class VerifyCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(index = "0", paramLabel = "DOCUMENT-ID", description = "The id printed under the QR code")
    String documentId;

    @Parameters(index = "1", paramLabel = "COPY", description = "The copy you hold")
    Path copy;

    VerifyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode check = context.api().post("api/v1/issued-documents/"
                + URLEncoder.encode(documentId, StandardCharsets.UTF_8) + "/comparison",
                new Multipart().file("file", copy), "application/json", Map.of()).json();
        String match = check.path("match").asText();
        boolean vi = "vi".equals(context.language());
        context.out.println(documentId + ": " + match + " — " + (vi ? vietnamese(match) : english(match)));
        JsonNode record = check.path("record");
        if (!record.isMissingNode() && !record.isNull()) {
            context.out.println("  " + record.path("numberSymbol").asText("") + "  "
                    + record.path("documentDate").asText("") + "  " + record.path("issuer").asText(""));
            context.out.println("  " + record.path("subject").asText(""));
        }
        return "IDENTICAL".equals(match) || "EXTENDS_ORIGINAL".equals(match) ? Exit.OK : Exit.NEGATIVE;
    }

    private static String vietnamese(String match) {
        return switch (match) {
            case "IDENTICAL" -> "trùng khớp với bản gốc đã lưu trữ";
            case "EXTENDS_ORIGINAL" -> "là bản gốc đã lưu trữ, có thêm chữ ký hoặc nội dung sau đó";
            case "DIFFERENT" -> "khác với bản gốc đã lưu trữ";
            case "NOT_ARCHIVED" -> "không có văn bản nào được lưu trữ với mã này";
            default -> match;
        };
    }

    private static String english(String match) {
        return switch (match) {
            case "IDENTICAL" -> "the archived original";
            case "EXTENDS_ORIGINAL" -> "the archived original with later additions (e.g. more signatures)";
            case "DIFFERENT" -> "differs from the archived original";
            case "NOT_ARCHIVED" -> "no document is archived under this id";
            default -> match;
        };
    }
}
