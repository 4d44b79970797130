package vn.kyso.exchange;

/**
 * Sends and receives official letters between agencies as signed edXML messages (QCVN 102:2016/BTTTT).
 * Thread-safe.
 */
public interface ExchangeService {

    /**
     * Builds the edXML message of an issued letter, the signed files as attachments, and signs the whole
     * message with the sending agency's specialised key (XAdES, enveloped, covering the whole document).
     *
     * @throws ExchangeException INVALID_REQUEST for an agency this service does not sign for or an
     *                           attachment that is not validly signed
     */
    OutgoingMessage build(OutgoingRequest request);

    /**
     * Checks an incoming message: parsed once with DOCTYPEs refused and the size bounded, the one
     * signature must cover the whole message and be VALID by a specialised key, the receiver must be
     * {@code receiverOrganId}, every attachment must match the header and be validly signed. An accepted
     * message is archived with its attachments. Either way the result carries the signed status message
     * to send back.
     *
     * @param receiverOrganId the receiving agency, one this service signs for; null for the default
     * @throws ExchangeException ARCHIVE_UNAVAILABLE when the archive is down (nothing was answered yet)
     */
    IncomingResult receive(byte[] edxml, String receiverOrganId);

    /**
     * A signed status message (processing, done…) about a received letter. The clerk's answer to a
     * recall or update (15 agrees, 16 refuses) is also written into the history of the letter's archive
     * records, which stay as they are: the archive is write-once.
     */
    byte[] status(StatusRequest request);

    /**
     * Builds a recall, update or replacement of a letter this service sent: the original's header with
     * {@code Bussiness} set, signed like a new message.
     *
     * @throws ExchangeException INVALID_REQUEST when the original is not a validly signed message of an
     *                           agency this service acts for, or a new file is not validly signed
     */
    OutgoingMessage followUp(FollowUpRequest request);
}
