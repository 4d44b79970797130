package vn.kyso.archive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The reference S3 server of the tests: Ceph's RADOS Gateway, which enforces S3 Object Lock
 * (COMPLIANCE retention and legal holds are refused by the server, not only by our adapter).
 *
 * <p>Started through {@code scripts/ceph-rgw.sh start var/ceph} once per JVM; the script is
 * idempotent and locked, so every module's test JVM of one {@code scripts/test.sh} run shares one
 * cluster (one start, about 20–35 s), and {@code test.sh} stops it at the end. A Ceph that can't be
 * installed or started is a test failure, never a skip.
 */
public final class CephRgw {

    private static CephRgw shared;

    private final Path dir;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    private CephRgw(Path dir, URI endpoint, String accessKey, String secretKey, String region) {
        this.dir = dir;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** The running gateway, started by the script on first use in this JVM. */
    public static synchronized CephRgw shared() {
        if (shared == null) {
            shared = start(repositoryRoot().resolve("var/ceph"));
        }
        return shared;
    }

    /**
     * A replicated cluster of its own ({@code scripts/ceph-rgw.sh start var/ceph-osdsN --osds N}: pools of
     * size 3 and min_size 2) beside the shared one, for the test that kills an OSD; its caller stops it.
     */
    public static CephRgw replicated(int osds) {
        return start(repositoryRoot().resolve("var/ceph-osds" + osds), "--osds", Integer.toString(osds));
    }

    /** The cluster's directory (its pid files are under {@code run/}). */
    public Path dir() {
        return dir;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return region;
    }

    /** Kills the gateway process hard (an S3 outage); the objects stay in the OSD. */
    public void stopGateway() {
        script(dir, 1, "gateway-stop");
    }

    /** Starts the gateway again on the same port, with the same keys and objects. */
    public void startGateway() {
        script(dir, 2, "gateway-start");
    }

    /** Kills OSD {@code n} with SIGKILL and returns once the monitor has marked it down. */
    public void killOsd(int n) {
        script(dir, 1, "kill-osd", Integer.toString(n));
    }

    /** Stops every daemon of this cluster (memstore: its objects go with them). */
    public void stop() {
        script(dir, 1, "stop");
    }

    /** The resident memory of the cluster's running daemons (monitor, OSDs, gateway), from /proc. */
    public long residentBytes() {
        long total = 0;
        try (var pidFiles = Files.newDirectoryStream(dir.resolve("run"), "*.pid")) {
            for (Path pidFile : pidFiles) {
                Path status = Path.of("/proc", Files.readString(pidFile).trim(), "status");
                if (!Files.exists(status)) {
                    continue;
                }
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the daemons' memory in " + dir, e);
        }
        return total;
    }

    private static void script(Path dir, int minutes, String command, String... args) {
        Path root = repositoryRoot();
        Path log = root.resolve("var/" + dir.getFileName() + "-" + command + ".log");
        try {
            Files.createDirectories(dir);
            List<String> line = new ArrayList<>(List.of("bash",
                    root.resolve("scripts/ceph-rgw.sh").toString(), command));
            if (command.equals("kill-osd")) {
                line.add(args[0]);
                line.add(dir.toString());
            } else {
                line.add(dir.toString());
                line.addAll(List.of(args));
            }
            Process process = new ProcessBuilder(line)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/ceph-rgw.sh " + command + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("scripts/ceph-rgw.sh " + command + " failed (" + process.exitValue()
                        + "): " + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Can't run scripts/ceph-rgw.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running scripts/ceph-rgw.sh " + command, e);
        }
    }

    private static CephRgw start(Path dir, String... options) {
        // The first start may install the Debian packages; later ones take about 20-35 s.
        script(dir, 15, "start", options);
        try {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(dir.resolve("s3.properties"))) {
                props.load(in);
            }
            return new CephRgw(dir, URI.create(props.getProperty("endpoint")), props.getProperty("accessKey"),
                    props.getProperty("secretKey"), props.getProperty("region"));
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the keys scripts/ceph-rgw.sh wrote in " + dir, e);
        }
    }

    /** The checkout's root, found from the module directory Surefire runs in (or an IDE's). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/ceph-rgw.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("No scripts/ceph-rgw.sh above " + dir);
    }
}
