package vn.kyso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceLookupCacheTest {

    /** Counts how often the parent is asked, to see the cache work. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger serviceLookups = new AtomicInteger();

        CountingLoader() {
            super(ServiceLookupCacheTest.class.getClassLoader());
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws java.io.IOException {
            if (name.startsWith("META-INF/services/")) {
                serviceLookups.incrementAndGet();
            }
            return super.getResources(name);
        }
    }

    @Test
    void findsTheSameProvidersAsTheParentAndAsksTheParentOnce() throws Exception {
        CountingLoader parent = new CountingLoader();
        ServiceLookupCache cache = new ServiceLookupCache(parent);
        String name = "META-INF/services/java.security.Provider";
        List<URL> direct = Collections.list(parent.getResources(name));
        assertThat(direct).isNotEmpty();
        parent.serviceLookups.set(0);

        for (int i = 0; i < 5; i++) {
            assertThat(Collections.list(cache.getResources(name))).containsExactlyElementsOf(direct);
        }
        assertThat(parent.serviceLookups).hasValue(1);
        // ServiceLoader through the cache finds the same providers (BouncyCastle registers one here).
        List<String> viaCache = ServiceLoader.load(java.security.Provider.class, cache).stream()
                .map(p -> p.type().getName()).toList();
        List<String> viaParent = ServiceLoader.load(java.security.Provider.class, parent).stream()
                .map(p -> p.type().getName()).toList();
        assertThat(viaCache).isNotEmpty().isEqualTo(viaParent);
    }

    @Test
    void otherResourcesAndClassesGoToTheParentEveryTime() throws Exception {
        CountingLoader parent = new CountingLoader();
        ServiceLookupCache cache = new ServiceLookupCache(parent);
        assertThat(cache.loadClass(ServiceLookupCacheTest.class.getName())).isSameAs(ServiceLookupCacheTest.class);
        assertThat(Collections.list(cache.getResources("vn/kyso/core/ServiceLookupCache.class"))).isNotEmpty();
        assertThat(parent.serviceLookups).hasValue(0);
    }

    @Test
    void callSetsTheContextClassLoaderAndPutsTheOldOneBack() {
        ServiceLookupCache cache = ServiceLookupCache.of(ServiceLookupCacheTest.class);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        assertThat(cache.call(() -> Thread.currentThread().getContextClassLoader())).isSameAs(cache);
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        assertThatThrownBy(() -> cache.call(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }
}
