package vn.kyso.core;

import java.nio.charset.StandardCharsets;

/**
 * What an uploaded or stored document is, decided from its first bytes and never from its name: the one
 * content sniffer of the service, so that signing, validation and the archive agree on what a file is.
 */
public enum DocumentType {
    PDF("application/pdf"),
    /** A ZIP file: an ASiC container or another ZIP. */
    ZIP("application/zip"),
    /** A DER CMS SignedData (CAdES, enveloping or detached). */
    CMS("application/pkcs7-signature"),
    XML("application/xml"),
    JSON("application/json"),
    /** A JWS in the compact serialisation (three base64url parts). */
    JWS_COMPACT("application/jose"),
    UNKNOWN("application/octet-stream");

    /** PDF readers accept the header anywhere in the first kilobyte; so must we. */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    /** DER of OID 1.2.840.113549.1.7.2 (signedData), near the start of a ContentInfo. */
    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x07, 0x02};

    private final String mediaType;

    DocumentType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type files of this type are stored and served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The type of {@code content}; {@link #UNKNOWN} for empty or unrecognised bytes. */
    public static DocumentType of(byte[] content) {
        if (content.length == 0) {
            return UNKNOWN;
        }
        if (startsWith(content, 0, ZIP_LOCAL_HEADER)) {
            return ZIP;
        }
        // before the PDF header: an enveloping CMS of a PDF carries "%PDF-" in its first kilobyte
        if ((content[0] & 0xff) == 0x30 && indexOf(content, Math.min(content.length, 32), SIGNED_DATA_OID) >= 0) {
            return CMS;
        }
        if (indexOf(content, Math.min(content.length, PDF_HEADER_WINDOW), PDF_HEADER) >= 0) {
            return PDF;
        }
        int i = firstNonWhitespace(content);
        if (i >= content.length) {
            return UNKNOWN;
        }
        return switch (content[i]) {
            case '<' -> XML;
            case '{', '[' -> JSON;
            default -> isJwsCompact(content, i) ? JWS_COMPACT : UNKNOWN;
        };
    }

    private static int firstNonWhitespace(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r'
                || content[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Three base64url segments separated by dots; the header, the first, starts with "eyJ" ('{"'). */
    private static boolean isJwsCompact(byte[] content, int from) {
        if (!startsWith(content, from, new byte[] {'e', 'y', 'J'})) {
            return false;
        }
        int dots = 0;
        int end = content.length;
        while (end > from && Character.isWhitespace(content[end - 1])) {
            end--;
        }
        for (int i = from; i < end; i++) {
            byte b = content[i];
            if (b == '.') {
                dots++;
            } else if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-'
                    || b == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, int limit, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
