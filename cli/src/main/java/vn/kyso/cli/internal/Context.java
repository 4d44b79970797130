package vn.kyso.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/** What every command shares: the environment, the streams, and the API client built from them. */
final class Context {

    static final String DEFAULT_URL = "http://localhost:8080";

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    String url;
    String language;
    private Api api;

    Context(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** The client for the service, built on first use after the global options were parsed. */
    Api api() {
        if (api == null) {
            String u = url != null ? url : env.getOrDefault("KYSO_URL", DEFAULT_URL);
            api = new Api(URI.create(u.endsWith("/") ? u : u + "/"), env.get("KYSO_API_KEY"), env.get("KYSO_TOKEN"),
                    language);
        }
        return api;
    }

    String language() {
        return language != null ? language : "vi";
    }
}
