package vn.kyso.api.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Attacks on signed ASiC containers and XML signatures, made by editing the signed output. */
final class PackageTampering {

    private PackageTampering() {
    }

    /** The container's entries, in order. */
    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The container written again from entries; {@code mimetype} first and stored, as ASiC requires. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** An extra file that no signature covers. */
    static byte[] withExtraEntry(byte[] container, String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = entries(container);
        entries.put(name, content);
        return zip(entries);
    }

    /** A signed file's content replaced. */
    static byte[] withReplacedEntry(byte[] container, String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = entries(container);
        if (entries.replace(name, content) == null) {
            throw new IllegalStateException("no entry " + name);
        }
        return zip(entries);
    }

    /**
     * A second entry with a signed file's name: written under a same-length placeholder name, which is
     * then replaced in both the local and the central header. Which copy a reader takes decides what it
     * shows; the signature covers only one.
     */
    static byte[] withDuplicateEntry(byte[] container, String signedName, byte[] content) throws IOException {
        String placeholder = placeholder(signedName);
        byte[] zip = withExtraEntry(container, placeholder, content);
        return replaceAll(zip, placeholder, signedName, Integer.MAX_VALUE);
    }

    /**
     * An extra entry whose local header carries a signed file's name while the central directory names
     * it differently: readers that stream local headers and readers that use the directory disagree.
     */
    static byte[] withLocalHeaderMismatch(byte[] container, String signedName, byte[] content) throws IOException {
        String placeholder = placeholder(signedName);
        byte[] zip = withExtraEntry(container, placeholder, content);
        // The first occurrence is the local header (entries precede the central directory).
        return replaceAll(zip, placeholder, signedName, 1);
    }

    /**
     * XML signature wrapping: a second ds:Object with other content placed before the signed one in an
     * enveloping signature. The signed reference still resolves by Id, so the signature verifies; an
     * application reading "the object" reads the attacker's.
     */
    static byte[] xmlWrappedObject(byte[] xml, String forgedContent) {
        String s = new String(xml, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<(\\w+:)?Object[\\s>]").matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("no ds:Object in the signature");
        }
        String prefix = m.group(1) == null ? "" : m.group(1);
        String forged = "<" + prefix + "Object>" + forgedContent + "</" + prefix + "Object>";
        return (s.substring(0, m.start()) + forged + s.substring(m.start())).getBytes(StandardCharsets.UTF_8);
    }

    /** Content inserted into the root of an enveloped XML signature's document, after signing. */
    static byte[] xmlInsertedIntoRoot(byte[] xml, String element) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int close = s.lastIndexOf("</");
        if (close < 0) {
            throw new IllegalStateException("no closing root tag");
        }
        return (s.substring(0, close) + element + s.substring(close)).getBytes(StandardCharsets.UTF_8);
    }

    private static String placeholder(String name) {
        int dot = name.lastIndexOf('.');
        int at = dot > 0 ? dot - 1 : name.length() - 1;
        char c = name.charAt(at) == 'x' ? 'y' : 'x';
        return name.substring(0, at) + c + name.substring(at + 1);
    }

    private static byte[] replaceAll(byte[] data, String from, String to, int limit) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        if (f.length != t.length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        byte[] out = data.clone();
        int done = 0;
        for (int i = 0; i + f.length <= out.length && done < limit; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                done++;
            }
        }
        if (done == 0) {
            throw new IllegalStateException(from + " not found");
        }
        return out;
    }
}
