package vn.kyso.archive.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads ZIP files in tests. */
final class Zips {

    private Zips() {
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] entry(byte[] zip, Predicate<String> name) {
        return entries(zip).entrySet().stream().filter(e -> name.test(e.getKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no such entry in " + entries(zip).keySet())).getValue();
    }
}
