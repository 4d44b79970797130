package vn.kyso.validation.internal;

import java.util.Optional;
import vn.kyso.core.DocumentType;

/** The signed formats we accept, recognised from the first bytes and never from the file name. */
enum ContentKind {
    PDF, XML, JSON, JWS_COMPACT, ZIP, CMS;

    /** The kind of {@code content} as the service's one sniffer ({@link DocumentType}) sees it. */
    static Optional<ContentKind> sniff(byte[] content) {
        return switch (DocumentType.of(content)) {
            case PDF -> Optional.of(PDF);
            case XML -> Optional.of(XML);
            case JSON -> Optional.of(JSON);
            case JWS_COMPACT -> Optional.of(JWS_COMPACT);
            case ZIP -> Optional.of(ZIP);
            case CMS -> Optional.of(CMS);
            case UNKNOWN -> Optional.empty();
        };
    }
}
