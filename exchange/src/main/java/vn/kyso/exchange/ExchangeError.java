package vn.kyso.exchange;

import vn.kyso.core.ErrorCode;
import vn.kyso.core.ErrorKind;

/**
 * The stable error codes of the exchange module. The codes marked "rejection" are also the reason
 * codes of a rejected incoming message: they go into the {@code Status} message sent back and, through
 * the API, into the problem response.
 */
public enum ExchangeError implements ErrorCode {
    /** An outgoing or status request breaks a rule; the message says which. */
    INVALID_REQUEST(ErrorKind.BAD_REQUEST, "Invalid exchange request"),
    /** Rejection: larger than {@code kyso.exchange.max-message-size}. */
    MESSAGE_TOO_LARGE(ErrorKind.TOO_LARGE, "edXML message too large"),
    /** Rejection: a DOCTYPE, entity or other construct refused for safety (XXE, entity expansion). */
    FORBIDDEN_XML(ErrorKind.BAD_REQUEST, "XML construct not accepted"),
    /** Rejection: not well-formed XML. */
    MALFORMED_MESSAGE(ErrorKind.BAD_REQUEST, "Malformed XML"),
    /** Rejection: well-formed but not an edXML message (elements missing or out of place). */
    NOT_EDXML(ErrorKind.UNPROCESSABLE, "Not an edXML message"),
    /** Rejection: no XML signature on the message. */
    UNSIGNED(ErrorKind.UNPROCESSABLE, "edXML message not signed"),
    /**
     * Rejection: the signature does not sit where it must or does not cover the whole message (several
     * signatures, a signature under a wrapper, a reference to a part of the document, duplicate Ids).
     */
    SIGNATURE_WRAPPING(ErrorKind.UNPROCESSABLE, "Signature does not cover the message"),
    /** Rejection: the signature is not valid (changed after signing, untrusted, revoked). */
    SIGNATURE_INVALID(ErrorKind.UNPROCESSABLE, "Invalid signature on the edXML message"),
    /** Rejection: the message is signed with a key that is not a specialised (government) key. */
    SIGNER_NOT_SPECIALISED(ErrorKind.UNPROCESSABLE, "Message not signed with a specialised key"),
    /** Rejection: none of the receivers is this agency. */
    WRONG_RECEIVER(ErrorKind.UNPROCESSABLE, "Message not addressed to this agency"),
    /** Rejection: a header field is missing or unreadable. */
    HEADER_INVALID(ErrorKind.UNPROCESSABLE, "Invalid edXML header"),
    /** Rejection: the manifest names an attachment the message does not carry, or the reverse. */
    ATTACHMENT_MISSING(ErrorKind.UNPROCESSABLE, "Attachment missing"),
    /** Rejection: an attachment's digest differs from the one in the header. */
    ATTACHMENT_DIGEST_MISMATCH(ErrorKind.UNPROCESSABLE, "Attachment does not match the header"),
    /** Rejection: an attachment's own signatures are not valid. */
    ATTACHMENT_SIGNATURE_INVALID(ErrorKind.UNPROCESSABLE, "Invalid signature on an attachment"),
    /** Rejection: the header's signer is not a signer of the document. */
    HEADER_MISMATCH(ErrorKind.UNPROCESSABLE, "Header does not match the signed document"),
    /** The archive could not take the package; retrying later may work. */
    ARCHIVE_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Archive unavailable"),
    /** A defect on our side. */
    EXCHANGE_FAILED(ErrorKind.INTERNAL, "Exchange failed"),
    /**
     * Rejection: the same sender sent this {@code DocumentId} (for a recall: this recall; for an update
     * or replacement: these files) before; it was answered then and is not archived again.
     */
    DUPLICATE_MESSAGE(ErrorKind.CONFLICT, "Message already received"),
    /** Rejection: a recall, update or replacement names a letter this agency never received from the sender. */
    ORIGINAL_NOT_FOUND(ErrorKind.UNPROCESSABLE, "Recalled or updated letter not received"),
    /** The database holding the ledger of received messages cannot be reached; retrying later may work. */
    LEDGER_UNAVAILABLE(ErrorKind.UNAVAILABLE, "Ledger of received messages unavailable");

    private final ErrorKind kind;
    private final String title;

    ExchangeError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
