package vn.kyso.archive.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks a zipped BagIt 1.0 bag the way a receiving archive would, written from RFC 8493 and
 * independent of the writer: declaration, complete payload manifests with matching digests,
 * tag manifests, and Payload-Oxum.
 */
final class BagChecker {

    private BagChecker() {
    }

    /** The bag's files by path; throws AssertionError naming the first rule broken. */
    static Map<String, byte[]> check(byte[] zip) {
        Map<String, byte[]> files = Zips.entries(zip);
        String root = files.keySet().iterator().next().split("/")[0] + "/";
        Map<String, byte[]> bag = new LinkedHashMap<>();
        files.forEach((k, v) -> {
            if (!k.startsWith(root)) {
                throw new AssertionError("more than one top directory: " + k);
            }
            bag.put(k.substring(root.length()), v);
        });
        String declaration = text(bag, "bagit.txt");
        require(declaration.startsWith("BagIt-Version: 1.0\n"), "bagit.txt declares version 1.0");
        require(declaration.contains("Tag-File-Character-Encoding: UTF-8"), "bagit.txt declares UTF-8");
        for (String algorithm : new String[] {"sha256", "sha512"}) {
            Map<String, String> manifest = manifest(text(bag, "manifest-" + algorithm + ".txt"));
            long payloadFiles = bag.keySet().stream().filter(p -> p.startsWith("data/")).count();
            require(manifest.size() == payloadFiles, "manifest-" + algorithm + " lists every payload file");
            manifest.forEach((path, digest) -> require(bag.containsKey(path), "payload file " + path + " present"));
            manifest.forEach((path, digest) -> require(digest.equals(hex(algorithm, bag.get(path))),
                    "digest of " + path + " (" + algorithm + ")"));
            Map<String, String> tags = manifest(text(bag, "tagmanifest-" + algorithm + ".txt"));
            tags.forEach((path, digest) -> require(digest.equals(hex(algorithm, bag.get(path))),
                    "digest of tag file " + path));
        }
        String oxum = text(bag, "bag-info.txt").lines().filter(l -> l.startsWith("Payload-Oxum: ")).findFirst()
                .orElseThrow(() -> new AssertionError("Payload-Oxum missing")).substring(14);
        long octets = bag.entrySet().stream().filter(e -> e.getKey().startsWith("data/"))
                .mapToLong(e -> e.getValue().length).sum();
        long count = bag.keySet().stream().filter(p -> p.startsWith("data/")).count();
        require(oxum.equals(octets + "." + count), "Payload-Oxum matches");
        return files;
    }

    /** Flips a byte of the first payload file whose path contains {@code part}. */
    static byte[] tamper(byte[] zip, String part) {
        Map<String, byte[]> files = new LinkedHashMap<>(Zips.entries(zip));
        String victim = files.keySet().stream().filter(k -> k.contains(part)).findFirst().orElseThrow();
        byte[] c = files.get(victim).clone();
        c[c.length / 2] ^= 1;
        files.put(victim, c);
        return Packages.zip(files.entrySet().stream().map(e -> new Packages.Entry(e.getKey(), e.getValue())).toList());
    }

    private static Map<String, String> manifest(String text) {
        Map<String, String> m = new HashMap<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> {
            int sp = l.indexOf(' ');
            m.put(l.substring(sp).strip(), l.substring(0, sp));
        });
        return m;
    }

    private static String text(Map<String, byte[]> bag, String name) {
        byte[] b = bag.get(name);
        require(b != null, name + " present");
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(
                    algorithm.equals("sha256") ? "SHA-256" : "SHA-512").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean ok, String rule) {
        if (!ok) {
            throw new AssertionError("bag check failed: " + rule);
        }
    }
}
