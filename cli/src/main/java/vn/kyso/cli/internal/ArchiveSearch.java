package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kyso archive search}: full text (with or without diacritics) and field filters. */
@Command(name = "search", description = "Search the archive")
final class ArchiveSearch implements Callable<Integer> {

    private final Context context;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "Words, \"phrases\", -excluded") String q;
    @Option(names = "--fond") String fondCode;
    @Option(names = "--file-code") String fileCode;
    @Option(names = "--type") String documentType;
    @Option(names = "--issuer") String issuer;
    @Option(names = "--from", description = "YYYY-MM-DD") String from;
    @Option(names = "--to", description = "YYYY-MM-DD") String to;
    @Option(names = "--verdict", description = "VALID, INVALID, INDETERMINATE or UNSIGNED") String verdict;
    @Option(names = "--page", defaultValue = "0") int page;
    @Option(names = "--size", defaultValue = "20") int size;
    @Option(names = "--json", description = "Print the service's JSON as it is") boolean json;

    ArchiveSearch(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("fondCode", fondCode);
        p.put("fileCode", fileCode);
        p.put("documentType", documentType);
        p.put("issuer", issuer);
        p.put("from", from);
        p.put("to", to);
        p.put("verdict", verdict);
        p.put("page", Integer.toString(page));
        p.put("size", Integer.toString(size));
        StringJoiner query = new StringJoiner("&", "api/v1/records?", "");
        p.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        JsonNode result = context.api().getJson(query.toString());
        if (json) {
            context.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return Exit.OK;
        }
        context.out.println(result.path("total").asLong() + " found (page " + result.path("page").asInt() + ")");
        for (JsonNode r : result.path("items")) {
            context.out.println(r.path("id").asText() + "  " + r.path("numberSymbol").asText("") + "  "
                    + r.path("documentDate").asText("") + "  " + r.path("verdict").asText("") + "  "
                    + r.path("subject").asText(""));
        }
        return Exit.OK;
    }
}
