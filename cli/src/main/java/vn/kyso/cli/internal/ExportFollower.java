package vn.kyso.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;

/**
 * An export asked for with {@code Prefer: respond-async}: the service answers 202 with a status URL; this
 * follows it with a progress bar (records packed of total) and fetches the package from its result URL.
 */
final class ExportFollower {

    private ExportFollower() {
    }

    /** The package's answer, or null when the export ended without one (its problem is printed). */
    static Api.Response follow(Context context, String path) throws IOException, InterruptedException {
        Api.Response started = context.api().get(path, "*/*", Map.of("Prefer", "respond-async"));
        if (started.status() != 202) {
            return started; // a service that builds the package in the request answers it at once
        }
        JsonNode status = started.json();
        String location = relative(started.header("Location")
                .orElse("/api/v1/archive-jobs/exports/" + status.path("id").asText()));
        Progress progress = new Progress(context.err, "export " + status.path("id").asText(),
                status.at("/progress/total").asInt());
        long pause = 200;
        while ("RUNNING".equals(status.path("state").asText())) {
            Thread.sleep(pause);
            pause = Math.min(2000, pause * 2);
            status = context.api().getJson(location);
            progress.set(status.at("/progress/done").asInt(), "");
        }
        progress.finish();
        JsonNode result = status.at("/links/result");
        if ("DONE".equals(status.path("state").asText()) && result.isTextual()) {
            return context.api().get(relative(result.asText()), "*/*");
        }
        JsonNode problem = status.path("problem");
        context.err.println("export " + status.path("id").asText() + " " + status.path("state").asText());
        if (!problem.isMissingNode() && !problem.isNull()) {
            ApiProblem.of(problem.path("status").asInt(500), problem, null).print(context.err, context.language());
        }
        return null;
    }

    private static String relative(String location) {
        return location.startsWith("/") ? location.substring(1) : location;
    }
}
