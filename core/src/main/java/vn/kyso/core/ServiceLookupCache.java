package vn.kyso.core;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A context class loader that remembers where {@code META-INF/services/} files are.
 *
 * <p>EU DSS finds several of its parts with {@link java.util.ServiceLoader} on every call, not once:
 * the CMS generator each time it builds a CMS, the MIME type of every named document, the PDF object
 * factory. {@code ServiceLoader} asks the thread's context class loader for every copy of the service
 * file, which means looking the name up in every jar of the class path (hundreds in this service), and
 * profiling showed that as 15–25 % of a B-B PAdES signature. The JDK caches nothing there, so this
 * loader caches the answer of {@link #getResources} for service files only; everything else, class
 * loading included, goes to the parent unchanged. Service files do not change while the process runs.
 *
 * <p>Run library calls with {@link #call}, or make it the context class loader of a pool's threads.
 */
public final class ServiceLookupCache extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";

    private final ConcurrentMap<String, List<URL>> services = new ConcurrentHashMap<>();

    /** @param parent the loader that knows the library's classes, usually the caller's own */
    public ServiceLookupCache(ClassLoader parent) {
        super("kyso-service-lookup-cache", parent);
    }

    /** A cache over the loader of {@code owner}. */
    public static ServiceLookupCache of(Class<?> owner) {
        return new ServiceLookupCache(owner.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        List<URL> urls = services.get(name);
        if (urls == null) {
            urls = List.copyOf(Collections.list(getParent().getResources(name)));
            services.putIfAbsent(name, urls);
        }
        return Collections.enumeration(urls);
    }

    /** Runs {@code work} with this loader as the thread's context class loader, then puts the old one back. */
    public <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
