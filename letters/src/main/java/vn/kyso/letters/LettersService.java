package vn.kyso.letters;

import java.util.List;
import java.util.UUID;
import vn.kyso.signing.Placement;
import vn.kyso.signing.PreparedSignature;

/**
 * The clerk's workflow for one outgoing letter (Decree 30/2020/ND-CP): draft (PDF/A) → signed by the
 * authorised person → issued with number, date and the organisation's signature → archived. Who may take
 * each step is the caller's business (the api module checks roles and key owners first).
 */
public interface LettersService {

    /** What the clerk types with a draft. */
    record DraftForm(String subject, String documentType, String fileCode, String preservation,
            String accessRegime, String keywords) {
    }

    /** What the clerk gives when issuing. */
    record IssueForm(String key, String numberSymbol, String documentDate) {
    }

    /** An uploaded file: an attachment in a separate file (phụ lục). */
    record Upload(String name, byte[] content) {
    }

    /**
     * Checks the metadata, converts the upload to PDF/A-2b (a PDF/A passes through) and files a draft.
     *
     * @throws vn.kyso.archive.ArchiveException METADATA_INVALID listing every draft field at fault, before
     *                                          any conversion
     */
    Letter draft(String fileName, byte[] content, DraftForm form, String actor);

    /** As {@link #draft(String, byte[], DraftForm, String)}, the letter belonging to {@code owner}. */
    Letter draft(String fileName, byte[] content, DraftForm form, String actor, String owner);

    /** The authorised person's signature, PERSON layout, where the handwritten one would be. */
    Letter signAsPerson(UUID id, String keyId, Placement placement, String actor);

    /**
     * Step one of the authorised person's signature from their own USB token or phone: the PERSON layout
     * with their own signature image (PNG, blue ink), over the draft as it is now. Sign
     * {@link PreparedSignature#dataToSign()} on the device, then {@link #completeRemoteSignature}.
     */
    PreparedSignature prepareRemoteSignature(UUID id, List<byte[]> certificateChain, byte[] signatureImage,
            Placement placement, String actor);

    /** Step two: the device's signature value; the letter is then SIGNED_BY_PERSON as by an HSM key. */
    Letter completeRemoteSignature(UUID id, String preparedId, byte[] signatureValue, String actor);

    /**
     * Numbers, dates and signs the letter as the organisation, then archives it. A letter left ISSUED by an
     * archive failure is only archived again.
     */
    Letter issue(UUID id, IssueForm form, List<Upload> attachments, String actor);

    Letter get(UUID id);

    /** The most recently changed letters first, without their timelines. */
    List<Letter> list();

    /** The letters of one organisation, most recently changed first. */
    List<Letter> list(String owner);

    /** The letter's current PDF: the draft, then each signed version. */
    byte[] pdf(UUID id);

    /** An issued attachment in a separate file, as signed. */
    byte[] attachmentPdf(UUID id, int position);
}
