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

    /** A service for the file-backed test below. */
    public interface Greeter {
        String greet();
    }

    /** Its provider, named in the service file. */
    public static final class Hello implements Greeter {
        @Override
        public String greet() {
            return "xin chào";
        }
    }

    @Test
    void readsEachServiceFileOnceAndServesItsBytesFromMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("META-INF/services/" + Greeter.class.getName());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "# the provider\n" + Hello.class.getName() + "\n");
        try (java.net.URLClassLoader parent = new java.net.URLClassLoader(new URL[] {dir.toUri().toURL()},
                ServiceLookupCacheTest.class.getClassLoader())) {
            ServiceLookupCache cache = new ServiceLookupCache(parent);
            assertThat(ServiceLoader.load(Greeter.class, cache).findFirst()).map(Greeter::greet).hasValue("xin chào");

            // The file changes on disk: the parent reads the new text, the cache the bytes it read the first time.
            java.nio.file.Files.writeString(file, "vn.kyso.core.NoSuchProvider\n");
            assertThatThrownBy(() -> ServiceLoader.load(Greeter.class, parent).findFirst())
                    .isInstanceOf(java.util.ServiceConfigurationError.class);
            for (int i = 0; i < 3; i++) {
                assertThat(ServiceLoader.load(Greeter.class, cache).findFirst()).map(Greeter::greet)
                        .hasValue("xin chào");
            }
            // The URL handed out names the file and reads as it did.
            URL cached = Collections.list(cache.getResources("META-INF/services/" + Greeter.class.getName())).get(0);
            assertThat(cached.toExternalForm()).isEqualTo(file.toUri().toURL().toExternalForm());
            try (var in = cached.openStream()) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains(Hello.class.getName());
            }
        }
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
