package vn.kyso.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code kyso}, the runnable jar's main class. {@code KYSO_URL} (default http://localhost:8080), and
 * {@code KYSO_API_KEY} or {@code KYSO_TOKEN} (an OIDC access token) come from the environment.
 */
public final class Kyso {

    private Kyso() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(KysoCli.load().run(args, System.getenv(), out, err));
    }
}
