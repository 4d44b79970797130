package vn.kyso.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's behaviour before it reaches a service: usage, help, and a service that is not there. */
class KysoCliTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        return KysoCli.load().run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        assertThat(run(Map.of(), "--help")).isEqualTo(ExitCode.OK.code());
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("keys", "sign", "validate", "archive", "verify", "KYSO_URL", "KYSO_API_KEY", "KYSO_TOKEN",
                        "Exit codes");
    }

    @Test
    void aWrongCommandLineIsAUsageError() {
        assertThat(run(Map.of(), "sign", "x.pdf")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key");
        assertThat(run(Map.of(), "archive", "export", "--format", "zip", "--record", "r")).isEqualTo(
                ExitCode.USAGE.code());
        assertThat(run(Map.of(), "verify")).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DOCUMENT-ID|QR-LINK");
        // A link without id= names no document: refused before any request (nothing listens on port 9).
        assertThat(run(Map.of("KYSO_URL", "http://127.0.0.1:9"), "verify", "https://kyso.example.gov.vn/verify?t=x"))
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the link carries no id=");
    }

    @Test
    void aServiceThatIsNotThereIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertThat(run(Map.of("KYSO_URL", "http://127.0.0.1:" + port), "keys")).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach http://127.0.0.1:" + port);
    }

    @Test
    void aMissingLocalFileIsALocalError() {
        assertThat(run(Map.of("KYSO_URL", "http://127.0.0.1:9"), "validate", "does-not-exist.pdf"))
                .isEqualTo(ExitCode.LOCAL_FILE.code());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does-not-exist.pdf");
    }
}
