package vn.kyso.conversion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Inflates every entry of a zip-based document (DOCX, XLSX, ODT, ODS) before LibreOffice sees it. The sizes a
 * zip declares can lie, so the bytes are counted as they come; a zip bomb is stopped at the limit instead of
 * filling a LibreOffice process's memory, and a truncated archive (no central directory) is refused here
 * rather than handed to LibreOffice's repair logic.
 */
final class ZipGuard {

    static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(byte[] content, long maxExpanded) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            int entries = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw Failures.tooLarge("The document has more than " + MAX_ENTRIES + " parts");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    throw Failures.failed("The document is encrypted or uses an unsupported compression", null);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxExpanded) {
                            throw Failures.tooLarge("The document expands to more than " + (maxExpanded >> 20)
                                    + " MB when unpacked");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof vn.kyso.conversion.ConversionException c) {
                throw c;
            }
            throw Failures.failed("The document is damaged: its zip structure cannot be read", e);
        }
    }
}
