package vn.kyso.api.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Where an HTTP signature's time goes, from the service's own timers: Spring's
 * {@code http.server.requests} (from the observation filter to the response) and
 * {@code kyso.signature.duration} (the signing facade). Totals are read before and after the HTTP
 * blocks only, so the in-process calls between them do not count.
 */
final class ServerTimes {

    private static final String AUDIT = "kyso.audit.append.duration";

    private final MeterRegistry registry;
    private double serverMs;
    private double signingMs;
    private double auditMs;
    private long requests;
    private long signatures;
    private long appends;

    ServerTimes(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code block} and adds what the two timers recorded during it. */
    void during(Block block) throws Exception {
        double server = total("http.server.requests");
        double signing = total("kyso.signature.duration");
        long requestCount = count("http.server.requests");
        long signatureCount = count("kyso.signature.duration");
        double audit = total(AUDIT);
        long appendCount = count(AUDIT);
        block.run();
        serverMs += total("http.server.requests") - server;
        signingMs += total("kyso.signature.duration") - signing;
        requests += count("http.server.requests") - requestCount;
        signatures += count("kyso.signature.duration") - signatureCount;
        auditMs += total(AUDIT) - audit;
        appends += count(AUDIT) - appendCount;
    }

    /** Mean ms per audit append (the request waits for its entry's commit before the signature leaves). */
    double auditMean() {
        return appends == 0 ? Double.NaN : auditMs / appends;
    }

    /** Mean ms per request inside the observation filter. */
    double serverMean() {
        return requests == 0 ? Double.NaN : serverMs / requests;
    }

    /** Mean ms per signature inside the signing facade. */
    double signingMean() {
        return signatures == 0 ? Double.NaN : signingMs / signatures;
    }

    private double total(String name) {
        return registry.find(name).timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
    }

    private long count(String name) {
        return registry.find(name).timers().stream().mapToLong(Timer::count).sum();
    }

    interface Block {
        void run() throws Exception;
    }
}
