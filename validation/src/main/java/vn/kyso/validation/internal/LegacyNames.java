package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * A container whose entry names are in a legacy code page (no UTF-8 flag, not UTF-8: Windows-1258 or CP437
 * as old Vietnamese tools wrote them), rewritten with the same names in UTF-8 and the UTF-8 flag set, for
 * DSS: DSS reads names as UTF-8 and matches them with the signatures' references, which are Unicode
 * ({@code URI="C%C3%B4ng%20v%C4%83n.pdf"}). Only names change — entry data, and so every signed digest,
 * is copied byte for byte — and only in a container whose structure is clean: the findings are always
 * taken from the bytes as submitted.
 */
final class LegacyNames {

    private LegacyNames() {
    }

    /** @return the container with UTF-8 names, or the same array if nothing needs rewriting */
    static byte[] asUtf8(byte[] zip) {
        ZipStructure.Archive archive;
        try {
            archive = ZipStructure.read(zip);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return zip;
        }
        boolean legacy = archive.entries().stream().anyMatch(e ->
                (e.central().flags() & ZipStructure.FLAG_UTF8) == 0 && !EntryNames.decode(e.central().name(),
                        e.central().flags()).equals(new String(e.central().name(), StandardCharsets.UTF_8)));
        if (!legacy || archive.zip64() || !ContainerFindings.structural(zip).isEmpty()) {
            return zip;
        }
        List<ZipStructure.Entry> physical = archive.entries().stream()
                .sorted(Comparator.comparingLong(ZipStructure.Entry::localOffset)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 256);
        long[] offsets = new long[archive.entries().size()];
        for (ZipStructure.Entry e : physical) {
            byte[] name = utf8Name(e);
            int at = (int) e.localOffset();
            int oldNameLength = ZipStructure.u16(zip, at + 26);
            offsets[e.index()] = out.size();
            out.write(zip, at, 6);
            u16(out, ZipStructure.u16(zip, at + 6) | ZipStructure.FLAG_UTF8);
            out.write(zip, at + 8, 18);
            u16(out, name.length);
            out.write(zip, at + 28, 2);
            out.writeBytes(name);
            int rest = at + 30 + oldNameLength;
            out.write(zip, rest, (int) (e.end() - rest));
        }
        long centralStart = out.size();
        for (ZipStructure.Entry e : archive.entries()) {
            byte[] name = utf8Name(e);
            int at = (int) e.centralOffset();
            int oldNameLength = ZipStructure.u16(zip, at + 28);
            int tail = ZipStructure.u16(zip, at + 30) + ZipStructure.u16(zip, at + 32);
            out.write(zip, at, 8);
            u16(out, ZipStructure.u16(zip, at + 8) | ZipStructure.FLAG_UTF8);
            out.write(zip, at + 10, 18);
            u16(out, name.length);
            out.write(zip, at + 30, 12);
            u32(out, offsets[e.index()]);
            out.writeBytes(name);
            out.write(zip, at + 46 + oldNameLength, tail);
        }
        long centralSize = out.size() - centralStart;
        int end = ZipStructure.findEnd(zip);
        out.write(zip, end, 12);
        u32(out, centralSize);
        u32(out, centralStart);
        out.write(zip, end + 20, zip.length - (end + 20));
        return out.toByteArray();
    }

    private static byte[] utf8Name(ZipStructure.Entry e) {
        return EntryNames.decode(e.central().name(), e.central().flags()).getBytes(StandardCharsets.UTF_8);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write(v >>> 8 & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) (v >>> 16 & 0xffff));
    }
}
