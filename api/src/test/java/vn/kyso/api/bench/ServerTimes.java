package vn.kyso.api.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where an HTTP signature's time goes, from the service's own timers: Spring's
 * {@code http.server.requests} (from the observation filter to the response), {@code kyso.signature.duration}
 * (the signing facade) and {@code kyso.audit.append.duration} (the durable audit append the request waits
 * for). Totals are read before and after the HTTP blocks only, so the in-process calls between them do not
 * count.
 */
final class ServerTimes {

    private final Sum server;
    private final Sum signing;
    private final Sum audit;

    ServerTimes(MeterRegistry registry) {
        this.server = new Sum(registry, "http.server.requests");
        this.signing = new Sum(registry, "kyso.signature.duration");
        this.audit = new Sum(registry, "kyso.audit.append.duration");
    }

    /** Runs {@code block} and adds what the three timers recorded during it. */
    void during(Block block) throws Exception {
        List<Sum> sums = List.of(server, signing, audit);
        sums.forEach(Sum::before);
        block.run();
        sums.forEach(Sum::after);
    }

    /** Mean ms per request inside the observation filter. */
    double serverMean() {
        return server.mean();
    }

    /** Mean ms per signature inside the signing facade. */
    double signingMean() {
        return signing.mean();
    }

    /** Mean ms per audit append (the request waits for its entry's commit before the signature leaves). */
    double auditMean() {
        return audit.mean();
    }

    /** One timer's time and count, summed over its tags and over the blocks measured. */
    private static final class Sum {
        private final MeterRegistry registry;
        private final String name;
        private double ms;
        private long count;
        private double msBefore;
        private long countBefore;

        Sum(MeterRegistry registry, String name) {
            this.registry = registry;
            this.name = name;
        }

        void before() {
            msBefore = totalMs();
            countBefore = totalCount();
        }

        void after() {
            ms += totalMs() - msBefore;
            count += totalCount() - countBefore;
        }

        double mean() {
            return count == 0 ? Double.NaN : ms / count;
        }

        private double totalMs() {
            return registry.find(name).timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
        }

        private long totalCount() {
            return registry.find(name).timers().stream().mapToLong(Timer::count).sum();
        }
    }

    interface Block {
        void run() throws Exception;
    }
}
