package vn.kyso.exchange;

import java.util.List;
import java.util.Objects;

/**
 * What became of an incoming message. A rejection is a result, not an exception: the sender is owed a
 * status message either way.
 *
 * @param status        RECEIVED or REJECTED
 * @param reason        why it was rejected; null when received
 * @param reasonText    the rejection in words, safe to show the sender; null when received
 * @param documentId    the message's {@code DocumentId}, if it could be read
 * @param header        the verified header; null when rejected before it was verified
 * @param attachments   one line per attachment, empty when rejected before they were checked
 * @param packageRecord the archive record of the whole message, or null
 * @param statusMessage the signed edXML {@code Status} message to send back
 */
public record IncomingResult(
        StatusCode status,
        ExchangeError reason,
        String reasonText,
        String documentId,
        MessageHeader header,
        List<ReceivedAttachment> attachments,
        String packageRecord,
        byte[] statusMessage) {

    public IncomingResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusMessage, "statusMessage");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if ((status == StatusCode.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a rejection needs a reason and only a rejection has one");
        }
    }

    public boolean accepted() {
        return status != StatusCode.REJECTED;
    }

    /**
     * One attachment of an accepted message.
     *
     * @param name     its name
     * @param sha256   hex SHA-256 of its bytes
     * @param verdict  the validator's verdict (VALID for an accepted message)
     * @param signers  the signers the validator named, in signing order
     * @param recordId its archive record, or null when no archive is configured
     */
    public record ReceivedAttachment(String name, String sha256, String verdict, List<String> signers,
            String recordId) {
        public ReceivedAttachment {
            signers = List.copyOf(signers);
        }
    }

    @Override
    public String toString() {
        return "IncomingResult[" + status + (reason == null ? "" : " " + reason) + ", " + documentId + "]";
    }
}
