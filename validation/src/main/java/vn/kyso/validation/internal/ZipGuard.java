package vn.kyso.validation.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * Inflates a container once, streaming and discarding, before DSS opens it: counts entries and
 * inflated bytes against the limits, refuses entries that inflate far beyond their compressed size
 * (zip bombs), and walks nested containers with the same budget instead of buffering them.
 */
final class ZipGuard {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final InputLimits limits;
    private int entries;
    private long inflated;

    private ZipGuard(InputLimits limits) {
        this.limits = limits;
    }

    static void check(byte[] content, InputLimits limits) {
        ZipGuard guard = new ZipGuard(limits);
        try {
            guard.walk(new java.io.ByteArrayInputStream(content), 1);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                    "the container is not a readable ZIP archive", e);
        }
        if (guard.entries == 0) {
            throw new ValidationException(ValidationError.MALFORMED_DOCUMENT, "the container has no entries");
        }
        try {
            ZipStructure.read(content);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                    "the container's central directory is missing or damaged", e);
        }
        // A directory that disagrees with the local headers is reported as a finding (ContainerFindings):
        // the signatures can still be judged, and the report says why the container is not trustworthy.
    }

    private void walk(InputStream raw, int depth) throws IOException {
        Counting counted = new Counting(raw);
        // names are not read here; ISO-8859-1 takes any bytes, so legacy code page names do not fail
        ZipInputStream zip = new ZipInputStream(counted, java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[8192];
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            if (++entries > limits.maxZipEntries()) {
                throw tooComplex("the container has more than " + limits.maxZipEntries() + " entries");
            }
            if (entry.isDirectory()) {
                continue;
            }
            long compressedStart = counted.count;
            long entryInflated = 0;
            byte[] head = new byte[ZIP_MAGIC.length];
            int headLength = zip.readNBytes(head, 0, head.length);
            entryInflated += headLength;
            if (headLength == ZIP_MAGIC.length && java.util.Arrays.equals(head, ZIP_MAGIC)) {
                if (depth >= limits.maxZipDepth()) {
                    throw tooComplex("the container nests archives more than " + limits.maxZipDepth() + " deep");
                }
                try {
                    walk(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), unclosable(zip)),
                            depth + 1);
                } catch (IOException | IllegalArgumentException notAnArchive) {
                    // A signed file that merely starts like a ZIP (a damaged DOCX) is data, not a container;
                    // if the outer archive itself is broken, draining it below fails again.
                }
                // What follows the nested archive's end is drained below, so nothing inflates uncounted.
            }
            int n;
            while ((n = zip.read(buffer)) > 0) {
                entryInflated += n;
                long compressed = Math.max(1, counted.count - compressedStart);
                if (entryInflated > InputLimits.ZIP_RATIO_THRESHOLD
                        && entryInflated / compressed > limits.maxZipRatio()) {
                    throw tooComplex("an entry of the container inflates more than " + limits.maxZipRatio()
                            + " times its compressed size");
                }
                if (inflated + entryInflated > limits.maxZipUncompressed()) {
                    throw tooComplex("the container inflates to more than " + limits.maxZipUncompressed()
                            + " bytes");
                }
            }
            inflated += entryInflated;
        }
    }

    /** SequenceInputStream closes what it has read to the end; the outer archive must stay open. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    private static ValidationException tooComplex(String message) {
        return new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX, message);
    }

    /** Counts the compressed bytes the inflater pulls, to judge the ratio while inflating. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
