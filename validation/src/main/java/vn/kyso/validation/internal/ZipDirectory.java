package vn.kyso.validation.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry names of a ZIP's central directory. A reader that walks local headers (as DSS does) and
 * one that reads the central directory (as unzip and most office tools do) must see the same files;
 * a container where they differ, or whose directory is cut off, shows different content to different
 * readers and is refused.
 */
final class ZipDirectory {

    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipDirectory() {
    }

    /**
     * @return the names, or empty for a ZIP64 archive, whose directory this reader does not parse
     * @throws IllegalArgumentException if there is no readable central directory
     */
    static Optional<List<String>> names(byte[] zip) {
        int eocd = findEndRecord(zip);
        if (eocd < 0) {
            throw new IllegalArgumentException("no end of central directory record");
        }
        int total = u16(zip, eocd + 10);
        long size = u32(zip, eocd + 12);
        long offset = u32(zip, eocd + 16);
        if (total == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
            return Optional.empty();
        }
        if (offset + size > eocd) {
            throw new IllegalArgumentException("central directory outside the file");
        }
        List<String> names = new ArrayList<>(total);
        int p = (int) offset;
        for (int i = 0; i < total; i++) {
            if (p + 46 > eocd || u32(zip, p) != 0x02014b50L) {
                throw new IllegalArgumentException("damaged central directory");
            }
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            if (p + 46 + nameLength > eocd) {
                throw new IllegalArgumentException("damaged central directory");
            }
            names.add(new String(zip, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return Optional.of(names);
    }

    private static int findEndRecord(byte[] zip) {
        int lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
        for (int i = zip.length - EOCD_SIZE; i >= lowest; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
