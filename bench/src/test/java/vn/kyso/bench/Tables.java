package vn.kyso.bench;

import java.util.Locale;
import java.util.Map;
import vn.kyso.core.testing.LatencyStats;

/** The benchmark's tables: every row as a ratio to the DSS REST peer and to plain DSS of the same cell. */
final class Tables {

    private Tables() {
    }

    /** Keys are contender/document/level/threads. */
    static String signing(Map<String, LatencyStats> r) {
        StringBuilder sb = new StringBuilder("| contender | document | level | threads | docs/s | p50 ms | p95 ms "
                + "| vs DSS REST | vs plain DSS | vs raw HSM |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (var e : r.entrySet()) {
            String[] k = e.getKey().split("/");
            LatencyStats s = e.getValue();
            String cell = "/" + k[1] + "/" + k[2] + "/" + k[3];
            LatencyStats raw = r.get("raw-hsm/-/-/" + (k[3].equals("1") ? "1" : "2"));
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.1f | %.1f | %s | %s | %s |%n", k[0],
                    k[1], k[2], k[3], s.perSecond(), s.p50Millis(), s.p95Millis(),
                    ratio(s, r.get("dss-rest" + cell)), ratio(s, r.get("dss-default" + cell)),
                    k[0].equals("raw-hsm") || raw == null ? "-"
                            : String.format(Locale.ROOT, "%.3fx", s.perSecond() / raw.perSecond())));
        }
        return sb.toString();
    }

    /** Keys are contender/document/-/threads. */
    static String validation(Map<String, LatencyStats> r) {
        StringBuilder sb = new StringBuilder("| contender | document | threads | validations/s | p50 ms | p95 ms "
                + "| vs DSS REST | vs plain DSS |\n|---|---|---|---|---|---|---|---|\n");
        for (var e : r.entrySet()) {
            String[] k = e.getKey().split("/");
            LatencyStats s = e.getValue();
            String cell = "/" + k[1] + "/" + k[2] + "/" + k[3];
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %s | %s |%n", k[0], k[1], k[3],
                    s.perSecond(), s.p50Millis(), s.p95Millis(), ratio(s, r.get("dss-rest" + cell)),
                    ratio(s, r.get("dss-default" + cell))));
        }
        return sb.toString();
    }

    private static String ratio(LatencyStats s, LatencyStats base) {
        return base == null ? "-" : String.format(Locale.ROOT, "%.2fx", s.perSecond() / base.perSecond());
    }
}
