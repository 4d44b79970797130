package vn.kyso.archive.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Whether a copy is a later signed revision of an archived PDF: it begins with the original's exact
 * bytes, the original ends where a PDF revision ends, and a signature added after the original covers
 * the copy to its end. Appending anything unsigned (a changed page, a stray comment) is not a later
 * revision of the issued document; the QR check must not say "matches" for it.
 */
final class LaterRevisions {

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    private LaterRevisions() {
    }

    /**
     * @param copy           the citizen's file
     * @param originalSha256 the catalogue's SHA-256 of the original (lower-case hex)
     * @param originalSize   the catalogue's size of the original
     */
    static boolean extendsOriginal(byte[] copy, String originalSha256, long originalSize) {
        if (originalSize <= 0 || copy.length <= originalSize || originalSize > Integer.MAX_VALUE) {
            return false;
        }
        int size = (int) originalSize;
        if (!originalSha256.equals(sha256(copy, size)) || !endsARevision(copy, size)) {
            return false;
        }
        return signedToTheEnd(copy, size);
    }

    /** The original's last bytes are "%%EOF" and at most an end of line: a complete revision. */
    private static boolean endsARevision(byte[] copy, int size) {
        int end = size;
        while (end > 0 && (copy[end - 1] == '\n' || copy[end - 1] == '\r')) {
            end--;
        }
        if (size - end > 2 || end < EOF_MARKER.length) {
            return false;
        }
        for (int i = 0; i < EOF_MARKER.length; i++) {
            if (copy[end - EOF_MARKER.length + i] != EOF_MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Some signature dictionary of the copy has a byte range that starts at 0, leaves its gap after the
     * original (so it was added later) and ends at the end of the file, trailing white space aside.
     */
    private static boolean signedToTheEnd(byte[] copy, int originalSize) {
        int contentEnd = copy.length;
        while (contentEnd > 0 && isWhiteSpace(copy[contentEnd - 1])) {
            contentEnd--;
        }
        try (PDDocument pdf = Loader.loadPDF(copy)) {
            for (PDSignature signature : pdf.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                if (range == null || range.length != 4 || range[0] != 0) {
                    continue;
                }
                long gapStart = range[1];
                long gapEnd = range[2];
                long end = gapEnd + range[3];
                if (gapStart >= originalSize && gapEnd > gapStart && end >= contentEnd && end <= copy.length) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            // not a PDF PDFBox can read: it cannot be a signed revision of the archived one
            return false;
        }
    }

    private static boolean isWhiteSpace(byte b) {
        return b == '\n' || b == '\r' || b == ' ' || b == '\t' || b == 0;
    }

    private static String sha256(byte[] content, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(content, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
