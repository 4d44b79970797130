package vn.kyso.signing.internal;

/** What a document is, decided from its first bytes, never from its name. */
enum ContentType {
    PDF("application/pdf"),
    XML("application/xml"),
    JSON("application/json"),
    OTHER("application/octet-stream");

    final String mediaType;

    ContentType(String mediaType) {
        this.mediaType = mediaType;
    }

    static ContentType sniff(byte[] content) {
        int limit = Math.min(content.length, 1024);
        if (indexOf(content, limit, "%PDF-") >= 0) {
            return PDF;
        }
        int i = 0;
        // UTF-8 byte order mark
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < limit && Character.isWhitespace(content[i])) {
            i++;
        }
        if (i >= limit) {
            return OTHER;
        }
        return switch (content[i]) {
            case '<' -> XML;
            case '{', '[' -> JSON;
            default -> OTHER;
        };
    }

    private static int indexOf(byte[] data, int limit, String ascii) {
        outer:
        for (int i = 0; i + ascii.length() <= limit; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (data[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
