package vn.kyso.api.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects every case's result and writes them where docs/validation-corpus.md takes its figures from:
 * {@code api/target/corpus/results.tsv} (one line per case) and {@code summary.md} (counts per class and
 * source, pass/fail, and the failures grouped by cause).
 */
final class CorpusReport {

    static final Path DIRECTORY = Path.of("target/corpus");

    record Result(Expectation expectation, Observation observation, List<String> failures) {

        String source() {
            String n = expectation.name();
            int slash = n.indexOf('/');
            String top = slash < 0 ? n : n.substring(0, slash);
            if (top.equals("dss")) {
                String rest = n.substring(slash + 1);
                return "esig/dss " + rest.substring(0, rest.indexOf('/'));
            }
            return top;
        }

        boolean passed() {
            return failures.isEmpty();
        }
    }

    private final List<Result> results = new CopyOnWriteArrayList<>();

    void add(Result r) {
        results.add(r);
    }

    void write() throws IOException {
        Files.createDirectories(DIRECTORY);
        StringBuilder tsv = new StringBuilder("case\tsource\tclass\texpect\tfinding\tstatus\tverdict\tcodes\tms\tresult\n");
        for (Result r : results) {
            Expectation e = r.expectation();
            Observation o = r.observation();
            tsv.append(e.name()).append('\t').append(r.source()).append('\t').append(e.kind()).append('\t')
                    .append(String.join("|", e.allowed())).append('\t').append(e.finding()).append('\t')
                    .append(o.status()).append('\t').append(o.outcome()).append('\t')
                    .append(String.join(",", o.codes())).append('\t').append(o.millis()).append('\t')
                    .append(r.passed() ? "pass" : "FAIL: " + String.join("; ", r.failures())).append('\n');
        }
        Files.writeString(DIRECTORY.resolve("results.tsv"), tsv, StandardCharsets.UTF_8);
        Files.writeString(DIRECTORY.resolve("summary.md"), summary(), StandardCharsets.UTF_8);
    }

    String summary() {
        StringBuilder md = new StringBuilder();
        Map<String, int[]> bySource = new TreeMap<>();
        Map<String, int[]> byClass = new TreeMap<>();
        Map<String, List<String>> byCause = new TreeMap<>();
        Map<String, int[]> byExpectation = new TreeMap<>();
        Map<String, Map<String, Integer>> files = new TreeMap<>();
        long slowest = 0;
        for (Result r : results) {
            count(bySource, r.source(), r.passed());
            count(byClass, r.expectation().kind().name().toLowerCase(Locale.ROOT), r.passed());
            Expectation e = r.expectation();
            String kind = e.kind().name().toLowerCase(Locale.ROOT);
            count(byExpectation, kind + " | " + String.join("\\|", new TreeSet<>(e.allowed())) + " | "
                    + e.finding().name().toLowerCase(Locale.ROOT), r.passed());
            files.computeIfAbsent(r.source(), k -> new TreeMap<>()).merge(kind, 1, Integer::sum);
            slowest = Math.max(slowest, r.observation().millis());
            for (String f : r.failures()) {
                String cause = f.startsWith("silent") ? "silent (no finding names the modification)" : f;
                byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(r.expectation().name() + " → "
                        + r.observation().outcome() + " " + r.observation().codes());
            }
        }
        List<String> kinds = List.of("genuine", "tampered", "attack", "malformed");
        md.append("| source | genuine | tampered | attack | malformed |\n|---|---:|---:|---:|---:|\n");
        files.forEach((source, n) -> {
            md.append("| ").append(source);
            kinds.forEach(k -> md.append(" | ").append(n.getOrDefault(k, 0)));
            md.append(" |\n");
        });
        md.append("\n| source | cases | pass | fail |\n|---|---:|---:|---:|\n");
        bySource.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0] + v[1]).append(" | ")
                .append(v[0]).append(" | ").append(v[1]).append(" |\n"));
        md.append("\n| class | cases | pass | fail |\n|---|---:|---:|---:|\n");
        byClass.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0] + v[1]).append(" | ")
                .append(v[0]).append(" | ").append(v[1]).append(" |\n"));
        md.append("\n| class | verdicts allowed | finding | cases | pass | fail |\n|---|---|---|---:|---:|---:|\n");
        byExpectation.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v[0] + v[1]).append(" | ")
                .append(v[0]).append(" | ").append(v[1]).append(" |\n"));
        long failed = results.stream().filter(r -> !r.passed()).count();
        md.append("\nTotal: ").append(results.size()).append(" cases, ").append(results.size() - failed)
                .append(" pass, ").append(failed).append(" fail; slowest answer ").append(slowest).append(" ms.\n");
        md.append("\n### Failures by cause\n");
        byCause.forEach((cause, cases) -> {
            md.append("\n**").append(cause).append("** (").append(cases.size()).append(")\n\n");
            cases.forEach(c -> md.append("- ").append(c).append('\n'));
        });
        return md.toString();
    }

    private static void count(Map<String, int[]> m, String key, boolean passed) {
        m.computeIfAbsent(key, k -> new int[2])[passed ? 0 : 1]++;
    }
}
