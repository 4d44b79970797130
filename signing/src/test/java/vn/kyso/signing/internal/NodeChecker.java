package vn.kyso.signing.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the node scripts in src/test/resources/node with the npm checkers that scripts/node-tools.sh
 * installs into var/tools/node. A missing checker fails the test: it is never skipped.
 */
final class NodeChecker {

    record Result(int exit, String output) {
    }

    private NodeChecker() {
    }

    static Result run(String script, Path dir, String... args) throws IOException, InterruptedException {
        Path modules = root().resolve("var/tools/node/node_modules");
        if (!Files.isDirectory(modules.resolve("xml-crypto")) || !Files.isDirectory(modules.resolve("jose"))) {
            throw new AssertionError("the npm checkers are missing from " + modules + ": run scripts/node-tools.sh");
        }
        List<String> command = new ArrayList<>(List.of("node", script(script).toString()));
        command.addAll(List.of(args));
        return exec(dir, List.of("NODE_PATH", modules.toString()), command);
    }

    /** Runs a command in {@code dir}; {@code env} holds name, value pairs to add to the environment. */
    static Result exec(Path dir, List<String> env, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (int i = 0; i + 1 < env.size(); i += 2) {
            builder.environment().put(env.get(i), env.get(i + 1));
        }
        Process p = builder.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Path script(String name) {
        try {
            return Path.of(NodeChecker.class.getResource("/node/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test script node/" + name + " not found", e);
        }
    }

    /** The repository root: the first directory upwards with scripts/node-tools.sh. */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/node-tools.sh"))) {
                return p;
            }
        }
        throw new AssertionError("scripts/node-tools.sh not found above " + Path.of("").toAbsolutePath());
    }
}
