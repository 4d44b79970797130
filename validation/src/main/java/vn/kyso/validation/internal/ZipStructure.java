package vn.kyso.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ZIP archive read the way its specification (APPNOTE 6.3) lays it out: the end record (ZIP64 too),
 * every central directory entry with its ZIP64 extra field, and the local header each one points to with
 * its own ZIP64 extra field and data descriptor. Nothing is inflated. Readers differ in which of these they
 * trust — DSS walks local headers, unzip and office tools read the central directory — so the container
 * checks compare them instead of choosing one.
 */
final class ZipStructure {

    static final int LOCAL = 0x04034b50;
    static final int CENTRAL = 0x02014b50;
    static final int END = 0x06054b50;
    static final int END64 = 0x06064b50;
    static final int END64_LOCATOR = 0x07064b50;
    static final int DESCRIPTOR = 0x08074b50;
    static final int FLAG_ENCRYPTED = 0x1;
    static final int FLAG_DESCRIPTOR = 0x8;
    static final int FLAG_UTF8 = 0x800;
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int MAX_COMMENT = 0xFFFF;

    /** What one header (local or central) says about an entry, ZIP64 values resolved. */
    record Header(byte[] name, int flags, int method, long crc, long compressedSize, long size) {
    }

    /**
     * One entry as the central directory lists it and as its local header describes it.
     *
     * @param centralOffset where its central directory record starts
     * @param dataStart  where the compressed data starts (after the local header)
     * @param end        where the entry ends, data descriptor included; -1 if the local header is unreadable
     * @param descriptor what the data descriptor says, if the entry has one
     */
    record Entry(int index, Header central, long centralOffset, long localOffset, Optional<Header> local,
            long dataStart, long end, Optional<Header> descriptor) {
    }

    /**
     * @param entries      in central directory order
     * @param centralStart where the central directory starts
     * @param centralEnd   where it ends (the end records follow)
     * @param trailing     bytes after the end record and the comment it declares
     * @param zip64        whether the archive has ZIP64 end records
     */
    record Archive(List<Entry> entries, long centralStart, long centralEnd, long trailing, boolean zip64) {
    }

    private ZipStructure() {
    }

    /** @throws IllegalArgumentException if no central directory can be read */
    static Archive read(byte[] zip) {
        int eocd = findEnd(zip);
        if (eocd < 0) {
            throw new IllegalArgumentException("no end of central directory record");
        }
        long total = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        long trailing = zip.length - (eocd + 22L + u16(zip, eocd + 20));
        boolean zip64 = false;
        long centralEnd = eocd;
        if (eocd >= 20 && u32(zip, eocd - 20) == END64_LOCATOR) {
            long at = u64(zip, eocd - 20 + 8);
            if (at < 0 || at + 56 > eocd - 20 || u32(zip, (int) at) != END64) {
                throw new IllegalArgumentException("damaged ZIP64 end record");
            }
            zip64 = true;
            total = u64(zip, (int) at + 32);
            cdSize = u64(zip, (int) at + 40);
            cdOffset = u64(zip, (int) at + 48);
            centralEnd = at;
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > centralEnd || total > zip.length / 46 + 1) {
            throw new IllegalArgumentException("central directory outside the file");
        }
        List<Entry> entries = new ArrayList<>();
        int p = (int) cdOffset;
        for (int i = 0; i < total; i++) {
            if (p + 46 > centralEnd || u32(zip, p) != CENTRAL) {
                throw new IllegalArgumentException("damaged central directory");
            }
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46L + nameLength + extraLength > centralEnd) {
                throw new IllegalArgumentException("damaged central directory");
            }
            long size = u32(zip, p + 24);
            long compressed = u32(zip, p + 20);
            long offset = u32(zip, p + 42);
            // ZIP64 extended information: only the fields whose 32-bit value is saturated, in this order
            int z = zip64Extra(zip, p + 46 + nameLength, extraLength);
            if (z >= 0) {
                int q = z;
                int limit = z + u16(zip, z - 2);
                if (size == MAX32 && q + 8 <= limit) {
                    size = u64(zip, q);
                    q += 8;
                }
                if (compressed == MAX32 && q + 8 <= limit) {
                    compressed = u64(zip, q);
                    q += 8;
                }
                if (offset == MAX32 && q + 8 <= limit) {
                    offset = u64(zip, q);
                }
            }
            Header central = new Header(slice(zip, p + 46, nameLength), u16(zip, p + 8), u16(zip, p + 10),
                    u32(zip, p + 16), compressed, size);
            entries.add(local(zip, i, central, p, offset));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return new Archive(entries, cdOffset, p, trailing, zip64);
    }

    private static Entry local(byte[] zip, int index, Header central, long centralOffset, long offset) {
        if (offset < 0 || offset + 30 > zip.length || u32(zip, (int) offset) != LOCAL) {
            return new Entry(index, central, centralOffset, offset, Optional.empty(), -1, -1, Optional.empty());
        }
        int at = (int) offset;
        int nameLength = u16(zip, at + 26);
        int extraLength = u16(zip, at + 28);
        long dataStart = offset + 30 + nameLength + extraLength;
        if (dataStart > zip.length) {
            return new Entry(index, central, centralOffset, offset, Optional.empty(), -1, -1, Optional.empty());
        }
        long size = u32(zip, at + 22);
        long compressed = u32(zip, at + 18);
        int z = zip64Extra(zip, at + 30 + nameLength, extraLength);
        if (z >= 0 && u16(zip, z - 2) >= 16) {
            // a local ZIP64 field carries both sizes, whichever was saturated
            size = u64(zip, z);
            compressed = u64(zip, z + 8);
        }
        int flags = u16(zip, at + 6);
        Header local = new Header(slice(zip, at + 30, nameLength), flags, u16(zip, at + 8), u32(zip, at + 14),
                compressed, size);
        // the central directory's compressed size says where the data ends; a local header that
        // defers its sizes to a descriptor could not say it
        long end = dataStart + central.compressedSize();
        Optional<Header> descriptor = Optional.empty();
        if ((flags & FLAG_DESCRIPTOR) != 0 && end >= 0 && end + 12 <= zip.length) {
            int d = (int) end;
            boolean signed = u32(zip, d) == DESCRIPTOR;
            int q = signed ? d + 4 : d;
            boolean wide = z >= 0 || central.compressedSize() >= MAX32 || central.size() >= MAX32;
            int length = (signed ? 4 : 0) + (wide ? 20 : 12);
            if (d + length <= zip.length) {
                long c = wide ? u64(zip, q + 4) : u32(zip, q + 4);
                long s = wide ? u64(zip, q + 12) : u32(zip, q + 8);
                descriptor = Optional.of(new Header(local.name(), flags, local.method(), u32(zip, q), c, s));
                end += length;
            }
        }
        return new Entry(index, central, centralOffset, offset, Optional.of(local), dataStart, end, descriptor);
    }

    /** @return where the ZIP64 extra field's data starts, or -1 */
    private static int zip64Extra(byte[] zip, int from, int length) {
        int p = from;
        int limit = Math.min(zip.length, from + length);
        while (p + 4 <= limit) {
            int id = u16(zip, p);
            int size = u16(zip, p + 2);
            if (id == 0x0001) {
                return p + 4 + size <= limit ? p + 4 : -1;
            }
            p += 4 + size;
        }
        return -1;
    }

    static int findEnd(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - MAX_COMMENT);
        for (int i = zip.length - 22; i >= lowest; i--) {
            if (u32(zip, i) == END) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] b, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, from, out, 0, length);
        return out;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
