package vn.kyso.api.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kyso.api.KysoApplication;

/** The whole service for a benchmark: the benchmarks' demo PKI, on a free port, with an archive of its own. */
final class BenchService {

    private BenchService() {
    }

    /**
     * Starts the service with a fresh archive and audit log, never the test suite's or an earlier run's:
     * their audit checkpoints are time-stamped by the TSA of the demo PKI they were made with.
     *
     * @param name     names the archive directory
     * @param defaults settings below everything else (logging, thread pools)
     * @param args     more command-line arguments, which win over the class path's settings
     */
    static ConfigurableApplicationContext start(String name, Map<String, Object> defaults, String... args) {
        String work = System.getProperty("kyso.test.workdir", "target/test-work");
        Path pki = Path.of(work, "bench-pki");
        Path archive = Path.of(work, name + "-archive-" + UUID.randomUUID().toString().substring(0, 8));
        return new SpringApplicationBuilder(KysoApplication.class)
                .properties(defaults)
                // As arguments, which win over the test class path's application.properties.
                .run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0",
                        "--kyso.demo.enabled=true", "--kyso.demo.directory=" + pki, "--kyso.demo.port=0",
                        "--kyso.archive.directory=" + archive), java.util.Arrays.stream(args))
                        .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }
}
