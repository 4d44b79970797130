package vn.kyso.archive.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU seconds used so far by each process an ingest involves on this machine (this JVM, the catalogue's
 * PostgreSQL with its backends, Ceph's monitor, OSD and gateway), read from {@code /proc}, so a benchmark
 * can say where a record's CPU goes beside how long it took. Linux only; anything unreadable fails.
 */
public final class ProcessCpu {

    private static final double TICKS = 100.0;
    /** Indexes into {@link #stat}'s fields, numbered as proc(5) numbers them minus one: ppid, then utime. */
    private static final int PPID = 3;
    private static final int UTIME = 13;

    private final long postmaster;
    private final Map<String, Long> ceph;

    private ProcessCpu(long postmaster, Map<String, Long> ceph) {
        this.postmaster = postmaster;
        this.ceph = ceph;
    }

    /** The processes behind {@code catalogue} (its postmaster, found as a backend's parent) and {@code cephDir}. */
    public static ProcessCpu of(DataSource catalogue, Path cephDir) throws SQLException, IOException {
        long backend;
        try (Connection c = catalogue.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        Map<String, Long> ceph = new LinkedHashMap<>();
        try (Stream<Path> pids = Files.list(cephDir.resolve("run"))) {
            for (Path p : pids.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".pid", "");
                ceph.put("Ceph " + name, Long.parseLong(Files.readString(p).trim()));
            }
        }
        return new ProcessCpu(Long.parseLong(stat(backend)[PPID]), ceph);
    }

    /** CPU seconds so far, by process (label to seconds), in a stable order. */
    public Map<String, Double> read() throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("JVM (service and clients)",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9);
        // The postmaster's own time, its finished children's (cutime, cstime) and its live backends'.
        String[] pm = stat(postmaster);
        double pg = (Long.parseLong(pm[UTIME]) + Long.parseLong(pm[UTIME + 1]) + Long.parseLong(pm[UTIME + 2])
                + Long.parseLong(pm[UTIME + 3])) / TICKS;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] s = statOrNull(Long.parseLong(p.getFileName().toString()));
                if (s != null && Long.parseLong(s[PPID]) == postmaster) {
                    pg += (Long.parseLong(s[UTIME]) + Long.parseLong(s[UTIME + 1])) / TICKS;
                }
            }
        }
        out.put("PostgreSQL", pg);
        for (Map.Entry<String, Long> e : ceph.entrySet()) {
            String[] s = stat(e.getValue());
            out.put(e.getKey(), (Long.parseLong(s[UTIME]) + Long.parseLong(s[UTIME + 1])) / TICKS);
        }
        return out;
    }

    /** CPU milliseconds per record between two readings, as one line of "label ms" pairs. */
    public static String perRecord(Map<String, Double> before, Map<String, Double> after, int records) {
        StringBuilder sb = new StringBuilder();
        double total = 0;
        for (String k : List.copyOf(after.keySet())) {
            double ms = (after.get(k) - before.getOrDefault(k, 0.0)) * 1000 / records;
            total += ms;
            sb.append(String.format(Locale.ROOT, "%s %.1f ms, ", k, ms));
        }
        return sb.append(String.format(Locale.ROOT, "total %.1f ms of CPU per record", total)).toString();
    }

    /** Fields of /proc/pid/stat, index = proc(5)'s field number - 1; the command name (it may hold spaces) blanked. */
    private static String[] stat(long pid) throws IOException {
        String[] s = statOrNull(pid);
        if (s == null) {
            throw new IOException("no process " + pid);
        }
        return s;
    }

    private static String[] statOrNull(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return ("x x " + line.substring(line.lastIndexOf(')') + 2)).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
