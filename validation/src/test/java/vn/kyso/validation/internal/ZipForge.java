package vn.kyso.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Rewrites a signed container byte by byte, for attacks the JDK's ZipOutputStream will not write: a local
 * header that says one thing and the central directory another, ZIP64 fields, duplicate and unsafe
 * names, bytes outside entries, entries sharing data. Unchanged, {@link #bytes()} is a faithful copy.
 */
final class ZipForge {

    /** One entry; the {@code local*} fields, when set, are what the local header says instead. */
    static final class Entry {
        String name;
        byte[] data;
        int method;
        int flags = 0x800;
        String localName;
        Integer localMethod;
        Long localCrc;
        Long localSize;
        boolean zip64Local;
        boolean zip64Central;
        /** The name's bytes in both headers instead of its UTF-8 (with {@code flags} 0: a legacy code page). */
        byte[] rawName;
        /** Point the central entry at the local header of the entry with this index instead of its own. */
        Integer sharesLocalOf;

        Entry(String name, byte[] data, int method) {
            this.name = name;
            this.data = data;
            this.method = method;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    byte[] prefix = new byte[0];
    byte[] gapAfterFirst = new byte[0];
    byte[] suffix = new byte[0];

    static ZipForge of(byte[] zip) {
        ZipForge forge = new ZipForge();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                forge.entries.add(new Entry(e.getName(), in.readAllBytes(), e.getMethod()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return forge;
    }

    Entry entry(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).findFirst().orElseThrow();
    }

    /** The first entry outside META-INF that is not the mimetype: the signed document. */
    Entry dataEntry() {
        return entries.stream().filter(e -> !e.name.startsWith("META-INF/") && !e.name.equals("mimetype"))
                .findFirst().orElseThrow();
    }

    ZipForge add(String name, String text) {
        entries.add(new Entry(name, text.getBytes(StandardCharsets.UTF_8), ZipEntry.DEFLATED));
        return this;
    }

    /** A complete local entry nobody lists in the central directory, for prepending. */
    static byte[] orphanLocalEntry(String name, String text) {
        ZipForge forge = new ZipForge();
        forge.add(name, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        forge.writeLocal(out, forge.entries.get(0), stored(forge.entries.get(0)));
        return out.toByteArray();
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        long[] offsets = new long[entries.size()];
        byte[][] payloads = new byte[entries.size()][];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            payloads[i] = stored(e);
            offsets[i] = out.size();
            writeLocal(out, e, payloads[i]);
            if (i == 0) {
                out.writeBytes(gapAfterFirst);
            }
        }
        long centralStart = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            long offset = e.sharesLocalOf == null ? offsets[i] : offsets[e.sharesLocalOf];
            byte[] name = e.rawName != null ? e.rawName : e.name.getBytes(StandardCharsets.UTF_8);
            byte[] extra = e.zip64Central ? zip64(e.data.length, payloads[i].length, offset) : new byte[0];
            u32(out, ZipStructure.CENTRAL);
            u16(out, 45);
            u16(out, e.zip64Central ? 45 : 20);
            u16(out, e.flags);
            u16(out, e.method);
            u32(out, 0);
            u32(out, crc(e.data));
            u32(out, e.zip64Central ? 0xFFFFFFFFL : payloads[i].length);
            u32(out, e.zip64Central ? 0xFFFFFFFFL : e.data.length);
            u16(out, name.length);
            u16(out, extra.length);
            u16(out, 0);
            u16(out, 0);
            u16(out, 0);
            u32(out, 0);
            u32(out, e.zip64Central ? 0xFFFFFFFFL : offset);
            out.writeBytes(name);
            out.writeBytes(extra);
        }
        long centralSize = out.size() - centralStart;
        u32(out, ZipStructure.END);
        u16(out, 0);
        u16(out, 0);
        u16(out, entries.size());
        u16(out, entries.size());
        u32(out, centralSize);
        u32(out, centralStart);
        u16(out, 0);
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    private void writeLocal(ByteArrayOutputStream out, Entry e, byte[] payload) {
        byte[] name = e.rawName != null && e.localName == null ? e.rawName
                : (e.localName != null ? e.localName : e.name).getBytes(StandardCharsets.UTF_8);
        long size = e.localSize != null ? e.localSize : e.data.length;
        byte[] extra = e.zip64Local ? zip64(size, payload.length, -1) : new byte[0];
        u32(out, ZipStructure.LOCAL);
        u16(out, e.zip64Local ? 45 : 20);
        u16(out, e.flags);
        u16(out, e.localMethod != null ? e.localMethod : e.method);
        u32(out, 0);
        u32(out, e.localCrc != null ? e.localCrc : crc(e.data));
        u32(out, e.zip64Local ? 0xFFFFFFFFL : payload.length);
        u32(out, e.zip64Local ? 0xFFFFFFFFL : size);
        u16(out, name.length);
        u16(out, extra.length);
        out.writeBytes(name);
        out.writeBytes(extra);
        out.writeBytes(payload);
    }

    private static byte[] zip64(long size, long compressed, long offset) {
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        u16(x, 1);
        u16(x, offset >= 0 ? 24 : 16);
        u64(x, size);
        u64(x, compressed);
        if (offset >= 0) {
            u64(x, offset);
        }
        return x.toByteArray();
    }

    private static byte[] stored(Entry e) {
        if (e.method == ZipEntry.STORED) {
            return e.data;
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(e.data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write(v >>> 8 & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) (v >>> 16 & 0xffff));
    }

    private static void u64(ByteArrayOutputStream out, long v) {
        u32(out, v & 0xFFFFFFFFL);
        u32(out, v >>> 32);
    }
}
