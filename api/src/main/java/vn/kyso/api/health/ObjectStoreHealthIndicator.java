package vn.kyso.api.health;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import vn.kyso.archive.spi.ObjectStore;

/**
 * {@code /actuator/health/objectStore}, in the readiness group: DOWN while the archive's object store
 * does not answer (S3 bucket unreachable, filesystem root gone or not writable). One cheap round trip
 * ({@link ObjectStore#isAvailable()}: a bucket-exists call with short timeouts, or a directory check),
 * cached for {@code kyso.api.health.cache-ttl}. Never shows the endpoint or the path.
 */
@Component("objectStore")
class ObjectStoreHealthIndicator implements HealthIndicator, AutoCloseable {

    private final CachedProbe probe;

    private final boolean configured;

    /** @param store absent when the archive is off ({@code kyso.archive.enabled=false}): then nothing to wait for */
    ObjectStoreHealthIndicator(ObjectProvider<ObjectStore> store, HealthSettings settings) {
        ObjectStore s = store.getIfAvailable();
        this.configured = s != null;
        this.probe = new CachedProbe("object-store",
                () -> s.isAvailable() ? null : "the object store does not answer",
                settings.cacheTtl(), settings.probeTimeout(), Clock.systemUTC());
    }

    @Override
    public Health health() {
        if (!configured) {
            return Health.up().withDetail("configured", false).build();
        }
        return probe.health();
    }

    @Override
    public void close() {
        probe.close();
    }
}
