package vn.kyso.api.health;

import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health answer of an optional dependency probed on a timer ({@link CachedProbe}, with
 * {@code kyso.api.health}'s cache time and time-out): UP with {@code configured: false} when the service
 * is set up without it, else the probe's last answer. The object store and the TSA answer this way.
 */
abstract class TimedProbeIndicator implements HealthIndicator, AutoCloseable {

    private final CachedProbe probe;

    /** @param check null when the dependency is not configured: then there is nothing to wait for */
    TimedProbeIndicator(String name, CachedProbe.Check check, HealthSettings settings) {
        this.probe = check == null ? null
                : new CachedProbe(name, check, settings.cacheTtl(), settings.probeTimeout(), Clock.systemUTC());
    }

    @Override
    public Health health() {
        if (probe == null) {
            return Health.up().withDetail("configured", false).build();
        }
        return probe.health();
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
