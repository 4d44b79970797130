package vn.kyso.archive.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for tests: Adobe S3Mock, run from its executable jar as a separate
 * process (it is a Spring Boot application of its own and must not share the test JVM's class path).
 *
 * <p>It serves plain HTTP on a free loopback port and keeps its objects under a root directory, so
 * {@link #stop()} (a hard kill, to simulate an outage) followed by {@link #start()} brings the same
 * server back on the same port with the same data. The process is killed when the JVM exits.
 *
 * <p>The jar comes from Maven Central through {@code maven-dependency-plugin:copy} in the archive
 * POM; its path is the system property {@value #JAR_PROPERTY} (set by Surefire), or {@code
 * target/s3mock/s3mock-exec.jar} when a test is started from an IDE.
 *
 * <p>S3Mock accepts Object Lock requests (bucket with Object Lock, retention, legal hold) and stores
 * them, but does not enforce them: it deletes a retained object when asked (ADR 0006).
 */
public final class S3TestServer implements AutoCloseable {

    public static final String JAR_PROPERTY = "kyso.s3mock.jar";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3TestServer shared;

    private final Path root;
    private final Path log;
    private final int port;
    private Process process;
    /** Each bucket's index as last read before a kill, to rebuild one the kill left empty. */
    private final Map<String, ObjectNode> knownBuckets = new HashMap<>();

    private S3TestServer(Path root, int port) {
        this.root = root;
        this.port = port;
        this.log = root.resolveSibling(root.getFileName() + ".log");
        Thread hook = new Thread(this::kill, "s3mock-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts a new server whose objects live in {@code root}. */
    public static S3TestServer startIn(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3TestServer server = new S3TestServer(root.toAbsolutePath(), freePort());
        server.start();
        return server;
    }

    /** One server for all the tests of this JVM that only need a working S3; never stop it. */
    public static synchronized S3TestServer shared() {
        if (shared == null) {
            shared = startIn(workDir().resolve("s3mock-shared-" + ProcessHandle.current().pid()));
        }
        return shared;
    }

    /** A fresh directory under the module's {@code target/} for a server's objects. */
    public static Path workDir() {
        String dir = System.getProperty("kyso.test.workdir");
        return Path.of(dir != null ? dir : "target/test-work").toAbsolutePath();
    }

    /** {@code http://127.0.0.1:port}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server (again) on the same port and root, and waits until it answers. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        discardHalfWrittenObjects();
        Path jar = jar();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a test server: start fast and small rather than run fast
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(jar.toString());
        // S3Mock always opens HTTPS on server.port as well; 0 puts it on a random free port.
        command.add("--server.port=0");
        command.add("--server.address=127.0.0.1");
        command.add("--com.adobe.testing.s3mock.httpPort=" + port);
        command.add("--com.adobe.testing.s3mock.store.root=" + root);
        command.add("--com.adobe.testing.s3mock.store.retainFilesOnExit=true");
        command.add("--spring.main.banner-mode=off");
        command.add("--logging.level.root=WARN");
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Can't start S3Mock from " + jar, e);
        }
        awaitReady();
    }

    /** Kills the server at once, as an outage would; its stored objects stay in the root. */
    public synchronized void stop() {
        kill();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        rememberBuckets();
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            running.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * S3Mock is not crash-safe. Killed while writing an object it leaves an empty objectMetadata.json,
     * and from then on every listing of the bucket fails; killed while rewriting a bucket's index
     * (bucketMetadata.json, rewritten at every put) it leaves that file empty and never answers again.
     * A crash-safe server would show neither, so before a restart a half-written object is dropped, from
     * the bucket's index too, and an empty index is rebuilt from the bucket as it was last read (name,
     * creation date, versioning and lock settings) with the objects whose metadata is whole. (The
     * archive's own recovery then sees a dropped object as missing.)
     */
    private void discardHalfWrittenObjects() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var buckets = Files.list(root)) {
            for (Path bucket : buckets.filter(Files::isDirectory).toList()) {
                Path index = bucket.resolve("bucketMetadata.json");
                ObjectNode meta = readObject(index);
                boolean changed = false;
                if (meta == null) {
                    ObjectNode known = knownBuckets.get(bucket.getFileName().toString());
                    if (known == null) {
                        continue;
                    }
                    meta = known.deepCopy();
                    meta.set("objects", wholeObjects(bucket));
                    changed = true;
                }
                var objects = (ObjectNode) meta.get("objects");
                try (var dirs = Files.list(bucket)) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        if (readObject(dir.resolve("objectMetadata.json")) != null) {
                            continue;
                        }
                        String id = dir.getFileName().toString();
                        if (objects != null) {
                            var keys = new ArrayList<String>();
                            objects.properties().forEach(e -> {
                                if (e.getValue().asText().equals(id)) {
                                    keys.add(e.getKey());
                                }
                            });
                            keys.forEach(objects::remove);
                        }
                        try (var files = Files.walk(dir)) {
                            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                                Files.delete(p);
                            }
                        }
                        changed = true;
                    }
                }
                if (changed) {
                    JSON.writeValue(index.toFile(), meta);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Key to object id of every object of the bucket whose metadata is whole. */
    private static ObjectNode wholeObjects(Path bucket) throws IOException {
        ObjectNode objects = JSON.createObjectNode();
        try (var dirs = Files.list(bucket)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                ObjectNode object = readObject(dir.resolve("objectMetadata.json"));
                if (object != null && object.hasNonNull("key") && object.hasNonNull("id")) {
                    objects.put(object.get("key").asText(), object.get("id").asText());
                }
            }
        }
        return objects;
    }

    /** Each bucket's index as it reads now; one being rewritten is read again, and kept as before if it never reads. */
    private void rememberBuckets() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var buckets = Files.list(root)) {
            for (Path bucket : buckets.filter(Files::isDirectory).toList()) {
                for (int attempt = 0; attempt < 10; attempt++) {
                    ObjectNode meta = readObject(bucket.resolve("bucketMetadata.json"));
                    if (meta != null) {
                        knownBuckets.put(bucket.getFileName().toString(), meta);
                        break;
                    }
                    Thread.sleep(10);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JSON object in the file, or null if the file is missing, empty or not (yet) whole JSON. */
    private static ObjectNode readObject(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return null;
            }
            return JSON.readTree(file.toFile()) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while S3Mock was starting", e);
            }
        }
        kill();
        throw new IllegalStateException("S3Mock did not answer within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /** ListBuckets answers 200 once the server is up; S3Mock does not check signatures. */
    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static Path jar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = Path.of(configured != null ? configured : "target/s3mock/s3mock-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Mock jar at " + jar.toAbsolutePath()
                    + "; run the archive module's Maven build (process-test-resources copies it)");
        }
        return jar.toAbsolutePath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
