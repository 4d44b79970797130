package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kyso archive get}: a record's description, and its original or evidence saved to files. */
@Command(name = "get", description = "Show a record; save its original (--out) or its evidence (--evidence)")
final class ArchiveGet implements Callable<Integer> {

    private final Context context;

    @Parameters(index = "0", paramLabel = "RECORD-ID") String id;

    @Option(names = {"-o", "--out"}, description = "Save the original, exactly as archived, here") Path out;

    @Option(names = "--evidence", paramLabel = "FILE.zip", description = "Save the evidence ZIP (augmented copy, "
            + "reports, manifest, history) here") Path evidence;

    @Option(names = "--json", description = "Print the service's JSON as it is") boolean json;

    ArchiveGet(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String path = "api/v1/records/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode r = context.api().getJson(path);
        if (json) {
            context.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } else {
            JsonNode m = r.path("metadata");
            context.out.println(r.path("id").asText() + "  " + r.path("state").asText() + "  "
                    + r.at("/validation/verdict").asText(""));
            context.out.println("  " + m.path("numberSymbol").asText("") + "  " + m.path("documentDate").asText("")
                    + "  " + m.path("documentType").asText("") + "  " + m.path("issuer").asText(""));
            context.out.println("  " + m.path("subject").asText(""));
            context.out.println("  " + m.path("fondCode").asText("") + " / " + m.path("fileCode").asText(""));
        }
        if (out != null) {
            context.out.println("original: " + Output.write(context.api().get(path + "/content", "*/*"), out,
                    id + ".bin"));
        }
        if (evidence != null) {
            context.out.println("evidence: " + Output.write(context.api().get(path + "/evidence", "*/*"), evidence,
                    id + "-evidence.zip"));
        }
        return Exit.OK;
    }
}
