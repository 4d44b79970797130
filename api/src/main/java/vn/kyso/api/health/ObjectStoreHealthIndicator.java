package vn.kyso.api.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.kyso.archive.spi.ObjectStore;

/**
 * {@code /actuator/health/objectStore}, in the readiness group: DOWN while the archive's object store
 * does not answer (S3 bucket unreachable, filesystem root gone or not writable). One cheap round trip
 * ({@link ObjectStore#isAvailable()}: a bucket-exists call with short timeouts, or a directory check),
 * cached for {@code kyso.api.health.cache-ttl}. Never shows the endpoint or the path.
 */
@Component("objectStore")
class ObjectStoreHealthIndicator extends TimedProbeIndicator {

    /** @param store absent when the archive is off ({@code kyso.archive.enabled=false}): then nothing to wait for */
    ObjectStoreHealthIndicator(ObjectProvider<ObjectStore> store, HealthSettings settings) {
        super("object-store", check(store.getIfAvailable()), settings);
    }

    private static CachedProbe.Check check(ObjectStore store) {
        return store == null ? null : () -> store.isAvailable() ? null : "the object store does not answer";
    }
}
