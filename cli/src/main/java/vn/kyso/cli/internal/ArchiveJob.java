package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kyso archive job}: starts a preservation job (202 Accepted) and, with {@code --wait}, follows its
 * status URL with a progress bar until it ends.
 */
@Command(name = "job", description = "Start a preservation job: fixity, revalidation, timestamp-renewal, recovery")
final class ArchiveJob implements Callable<Integer> {

    private final Context context;

    @Parameters(index = "0", paramLabel = "KIND") String kind;

    @Option(names = "--wait", description = "Follow the job to its end with a progress bar") boolean follow;

    ArchiveJob(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Api.Response started = context.api().post("api/v1/archive-jobs/" + kind, Map.of());
        JsonNode status = started.json();
        String location = started.header("Location").orElse("/api/v1/archive-jobs/" + status.path("id").asText());
        context.out.println("job " + status.path("id").asText() + " " + status.path("state").asText() + "  "
                + location);
        if (!follow) {
            return Exit.OK;
        }
        Progress progress = new Progress(context.err, kind, status.at("/progress/total").asInt());
        long pause = 200;
        while ("RUNNING".equals(status.path("state").asText())) {
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 2);
            status = context.api().getJson(location.startsWith("/") ? location.substring(1) : location);
            progress.set(status.at("/progress/done").asInt(), "");
        }
        progress.finish();
        context.out.println("job " + status.path("id").asText() + " " + status.path("state").asText() + ": "
                + status.path("message").asText(""));
        JsonNode problem = status.path("problem");
        if (!problem.isMissingNode() && !problem.isNull()) {
            ApiProblem.of(problem.path("status").asInt(500), problem, null).print(context.err, context.language());
            return Exit.of(problem.path("status").asInt(500));
        }
        return Exit.OK;
    }
}
