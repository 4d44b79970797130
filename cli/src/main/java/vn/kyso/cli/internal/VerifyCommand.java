package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kyso verify}: what the archive holds under the id a verification QR code carries, as a citizen
 * sees it on /verify — and, given a copy, whether that copy is the archived original. The id alone, or
 * the QR link itself (its {@code id} and token {@code t}), is enough for the lookup. Exits 0 when the
 * archive holds the document with a VALID verdict (with a copy: when the copy is the original).
 */
@Command(name = "verify", description = {
        "Show what the archive holds under a document id (QR code), and compare a copy with the archived original",
        "Xem kho lưu trữ giữ gì dưới mã văn bản (mã QR) và so sánh bản đang giữ với bản gốc"})
final class VerifyCommand implements Callable<Integer> {

    private final Context context;

    @Parameters(index = "0", paramLabel = "DOCUMENT-ID|QR-LINK",
            description = "The id printed under the QR code, or the whole link the code holds (…/verify?id=…&t=…)")
    String documentId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COPY", description = "The copy you hold (optional)")
    Path copy;

    @Option(names = "--token", paramLabel = "T",
            description = "The link's token t, for an id the issuer chose (taken from the link when one is given)")
    String token;

    @Option(names = "--json", description = "Print the service's answer as JSON")
    boolean json;

    /** This command as picocli runs it, so a usage error goes to the streams the caller gave. */
    @Spec
    CommandSpec spec;

    VerifyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String id = documentId.strip();
        String t = token;
        if (id.contains("?") || id.startsWith("http://") || id.startsWith("https://")) {
            Map<String, String> query = query(id);
            if (query.get("id") == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "the link carries no id= / liên kết không có mã văn bản (id=)");
            }
            id = query.get("id");
            t = t != null ? t : query.get("t");
        }
        String path = "api/v1/issued-documents/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        JsonNode found = context.api().getJson(path + (t == null || t.isBlank() ? ""
                : "?t=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
        JsonNode check = copy == null ? null : context.api().post(path + "/comparison",
                new Multipart().file("file", copy), "application/json", Map.of()).json();
        if (json) {
            context.out.println(check == null ? found.toPrettyString() : Api.JSON.createObjectNode()
                    .<com.fasterxml.jackson.databind.node.ObjectNode>set("document", found).set("comparison", check)
                    .toPrettyString());
        } else {
            IssuedDocumentText.print(context.out, id, found, "vi".equals(context.language()));
        }
        if (check == null) {
            return found.path("found").asBoolean(false) && "VALID".equals(found.path("verdict").asText())
                    ? Exit.OK : Exit.NEGATIVE;
        }
        String match = check.path("match").asText();
        boolean vi = "vi".equals(context.language());
        if (!json) {
            context.out.println(copy.getFileName() + ": " + match + " — " + (vi ? vietnamese(match) : english(match)));
        }
        return "IDENTICAL".equals(match) || "EXTENDS_ORIGINAL".equals(match) ? Exit.OK : Exit.NEGATIVE;
    }

    /** The query parameters of a QR link, decoded; a link that is not a URI has none. */
    static Map<String, String> query(String link) {
        Map<String, String> params = new LinkedHashMap<>();
        String q;
        try {
            q = URI.create(link).getRawQuery();
        } catch (IllegalArgumentException e) {
            int mark = link.indexOf('?');
            q = mark < 0 ? null : link.substring(mark + 1);
        }
        if (q == null) {
            return params;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
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
