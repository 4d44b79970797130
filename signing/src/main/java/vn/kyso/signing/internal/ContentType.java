package vn.kyso.signing.internal;

import vn.kyso.core.DocumentType;

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

    /** The service's one sniffer ({@link DocumentType}) narrowed to what signing distinguishes. */
    static ContentType sniff(byte[] content) {
        return switch (DocumentType.of(content)) {
            case PDF -> PDF;
            case XML -> XML;
            case JSON -> JSON;
            default -> OTHER;
        };
    }
}
