package vn.kyso.validation.internal;

import java.util.Optional;

/** The signed formats we accept, recognised from the first bytes and never from the file name. */
enum ContentKind {
    PDF, XML, JSON, JWS_COMPACT, ZIP, CMS;

    private static final int PDF_HEADER_WINDOW = 1024;
    /** DER of OID 1.2.840.113549.1.7.2 (signedData). */
    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
            0x0D, 0x01, 0x07, 0x02};

    static Optional<ContentKind> sniff(byte[] content) {
        if (content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, 0, new byte[] {'P', 'K', 3, 4})) {
            return Optional.of(ZIP);
        }
        // CMS before PDF: an enveloping CAdES of a PDF carries "%PDF-" within its first kilobyte, and read
        // as a PDF it would get PDF findings (INCOMPLETE_REVISION) about bytes that are a CMS structure
        if ((content[0] & 0xff) == 0x30 && indexOf(content, Math.min(content.length, 32), SIGNED_DATA_OID) >= 0) {
            return Optional.of(CMS);
        }
        if (indexOf(content, Math.min(content.length, PDF_HEADER_WINDOW), "%PDF-".getBytes()) >= 0) {
            return Optional.of(PDF);
        }
        int i = firstNonWhitespace(content);
        if (i >= content.length) {
            return Optional.empty();
        }
        return switch (content[i]) {
            case '<' -> Optional.of(XML);
            case '{', '[' -> Optional.of(JSON);
            default -> isJwsCompact(content, i) ? Optional.of(JWS_COMPACT) : Optional.empty();
        };
    }

    private static int firstNonWhitespace(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r'
                || content[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** Three base64url segments separated by dots; the header, the first, starts with "eyJ" ('{"'). */
    private static boolean isJwsCompact(byte[] content, int from) {
        if (!startsWith(content, from, "eyJ".getBytes())) {
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

    static boolean startsWith(byte[] data, int offset, byte[] prefix) {
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

    static int indexOf(byte[] data, int limit, byte[] needle) {
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
