package vn.kyso.exchange;

import java.util.Objects;

/**
 * A signed edXML message, ready to send.
 *
 * @param documentId the message's {@code DocumentId}: sender, date, number and notation
 * @param header     the header as written
 * @param edxml      the signed XML bytes
 */
public record OutgoingMessage(String documentId, MessageHeader header, byte[] edxml) {

    public OutgoingMessage {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(edxml, "edxml");
    }

    /** A file name for the message. */
    public String fileName() {
        return documentId.replaceAll("[^A-Za-z0-9._-]", "_") + ".edxml";
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + documentId + ", " + edxml.length + " bytes]";
    }
}
