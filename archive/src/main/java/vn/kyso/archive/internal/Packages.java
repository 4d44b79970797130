package vn.kyso.archive.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes ZIP files: the evidence bundle and BagIt 1.0 packages (RFC 8493).
 *
 * <p>BagIt is written here rather than with the Library of Congress bagit-java library, which has
 * had no release since 2018 and pulls in its own logging and I/O stack; a bag is a few text files
 * of digests, and {@code BagItPackagesTest} checks ours against the RFC's rules independently.
 */
final class Packages {

    private Packages() {
    }

    /** A file to put in a package, at a path relative to the payload directory. */
    record Entry(String path, byte[] content) {
    }

    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Entry e : entries) {
                zip.putNextEntry(new ZipEntry(e.path()));
                zip.write(e.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A BagIt 1.0 bag in a ZIP under one top directory {@code bagName}: the payload under data/,
     * SHA-256 and SHA-512 payload manifests, bag-info.txt and a SHA-256/512 tag manifest.
     */
    static byte[] bag(String bagName, List<Entry> payload, Map<String, String> info, LocalDate baggingDate) {
        List<Entry> files = new ArrayList<>();
        StringBuilder m256 = new StringBuilder();
        StringBuilder m512 = new StringBuilder();
        long octets = 0;
        for (Entry e : payload) {
            String path = "data/" + e.path();
            Digests d = Digests.of(e.content());
            m256.append(d.sha256()).append("  ").append(encodePath(path)).append('\n');
            m512.append(d.sha512()).append("  ").append(encodePath(path)).append('\n');
            octets += e.content().length;
            files.add(new Entry(path, e.content()));
        }
        Map<String, String> bagInfo = new LinkedHashMap<>(info);
        bagInfo.put("Bagging-Date", baggingDate.toString());
        bagInfo.put("Payload-Oxum", octets + "." + payload.size());
        StringBuilder infoText = new StringBuilder();
        bagInfo.forEach((k, v) -> infoText.append(k).append(": ").append(v.replaceAll("[\\r\\n]+", " ")).append('\n'));

        List<Entry> tags = List.of(
                new Entry("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
                        .getBytes(StandardCharsets.UTF_8)),
                new Entry("bag-info.txt", infoText.toString().getBytes(StandardCharsets.UTF_8)),
                new Entry("manifest-sha256.txt", m256.toString().getBytes(StandardCharsets.UTF_8)),
                new Entry("manifest-sha512.txt", m512.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder t256 = new StringBuilder();
        StringBuilder t512 = new StringBuilder();
        for (Entry t : tags) {
            Digests d = Digests.of(t.content());
            t256.append(d.sha256()).append("  ").append(t.path()).append('\n');
            t512.append(d.sha512()).append("  ").append(t.path()).append('\n');
        }
        List<Entry> all = new ArrayList<>();
        for (Entry t : tags) {
            all.add(new Entry(bagName + "/" + t.path(), t.content()));
        }
        all.add(new Entry(bagName + "/tagmanifest-sha256.txt", t256.toString().getBytes(StandardCharsets.UTF_8)));
        all.add(new Entry(bagName + "/tagmanifest-sha512.txt", t512.toString().getBytes(StandardCharsets.UTF_8)));
        for (Entry f : files) {
            all.add(new Entry(bagName + "/" + f.path(), f.content()));
        }
        return zip(all);
    }

    /** RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded. */
    private static String encodePath(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
