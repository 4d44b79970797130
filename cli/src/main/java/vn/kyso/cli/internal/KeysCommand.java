package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kyso keys}: the HSM keys the caller may sign with. */
@Command(name = "keys", description = "List the signing keys you may use")
final class KeysCommand implements Callable<Integer> {

    private final Context context;

    @Option(names = "--json", description = "Print the service's JSON as it is")
    boolean json;

    KeysCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        JsonNode keys = context.api().getJson("api/v1/keys");
        if (json) {
            context.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys));
            return Exit.OK;
        }
        context.out.printf("%-28s %-13s %-12s %-10s %s%n", "KEY", "FAMILY", "HOLDER", "VALID TO", "SUBJECT");
        for (JsonNode k : keys) {
            String until = k.path("notAfter").asText("");
            context.out.printf("%-28s %-13s %-12s %-10s %s%s%n", k.path("id").asText(), k.path("family").asText(),
                    k.path("holder").asText(), until.length() >= 10 ? until.substring(0, 10) : until,
                    k.path("subject").asText(), k.path("available").asBoolean(true) ? "" : "  (unavailable)");
        }
        return Exit.OK;
    }
}
