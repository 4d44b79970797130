package vn.kyso.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A context class loader that remembers the {@code META-INF/services/} files: where they are and what they say.
 *
 * <p>EU DSS finds several of its parts with {@link java.util.ServiceLoader} on every call, not once:
 * the CMS generator each time it builds a CMS, the MIME type of every named document, the PDF object
 * factory. {@code ServiceLoader} asks the thread's context class loader for every copy of the service
 * file, which means looking the name up in every jar of the class path (hundreds in this service), and
 * profiling showed that as 15–25 % of a B-B PAdES signature. It then opens each file it was given: a jar
 * entry read through the file system, about ten reads per signature. The JDK caches neither, so this loader
 * caches the answer of {@link #getResources} for service files, and their bytes: the URLs it hands out
 * name the same files but are read from memory. Everything else, class loading included, goes to the
 * parent unchanged. Service files do not change while the process runs.
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
            List<URL> read = new ArrayList<>();
            for (URL found : Collections.list(getParent().getResources(name))) {
                read.add(InMemory.copyOf(found));
            }
            urls = List.copyOf(read);
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

    /**
     * A URL with the spelling of the file it was read from (so it prints, compares and resolves as that file
     * does) whose connections serve the bytes read once. A service file is a few hundred bytes.
     */
    private static final class InMemory extends URLStreamHandler {

        private final URL original;
        private final byte[] content;

        private InMemory(URL original, byte[] content) {
            this.original = original;
            this.content = content;
        }

        // URL(URL, String, URLStreamHandler) is the Java 17 way to give a URL its own handler.
        @SuppressWarnings("deprecation")
        static URL copyOf(URL found) throws IOException {
            byte[] bytes;
            try (InputStream in = found.openStream()) {
                bytes = in.readAllBytes();
            }
            try {
                return new URL(null, found.toExternalForm(), new InMemory(found, bytes));
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected URLConnection openConnection(URL u) {
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(content);
                }
            };
        }

        @Override
        protected boolean equals(URL u1, URL u2) {
            return original.equals(u2) || original.toExternalForm().equals(u2.toExternalForm());
        }

        @Override
        protected int hashCode(URL u) {
            return original.hashCode();
        }
    }
}
