package vn.kyso.api.health;

import java.time.Clock;
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

    ObjectStoreHealthIndicator(ObjectStore store, HealthSettings settings) {
        this.probe = new CachedProbe("object-store",
                () -> store.isAvailable() ? null : "the object store does not answer",
                settings.cacheTtl(), settings.probeTimeout(), Clock.systemUTC());
    }

    @Override
    public Health health() {
        return probe.health();
    }

    @Override
    public void close() {
        probe.close();
    }
}
