package vn.kyso.letters.internal;

import java.util.UUID;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LettersSettings;
import vn.kyso.letters.VerifyAddress;
import vn.kyso.signing.Document;
import vn.kyso.signing.QrStampRequest;
import vn.kyso.signing.QrStamped;
import vn.kyso.signing.SigningService;

/**
 * The verification QR code on a draft, for the organisations that want one: stamped on page one where it
 * covers nothing (signing finds the free space), linking to {@code <public address>/verify?id=<letter id>}.
 * It goes in with the draft because anything added after the person's signature is a finding the
 * validator reports; the letter's id is chosen before the draft is stored so the code can carry it, and
 * the archive files the issued letter under that id, which is what the verification page looks up.
 */
final class DraftQrCode {

    /** The draft as stored, and the link its code carries (null: no code). */
    record Stamped(byte[] pdf, String link) {
    }

    private final SigningService signing;
    private final LettersSettings settings;
    private final VerifyAddress address;

    DraftQrCode(SigningService signing, LettersSettings settings, VerifyAddress address) {
        this.signing = signing;
        this.settings = settings;
        this.address = address;
    }

    Stamped stamp(Document draft, UUID id, String owner) {
        if (!on(owner)) {
            return new Stamped(draft.content(), null);
        }
        QrStamped stamped = signing.stampQrCode(new QrStampRequest(draft, address.verifyUrl(), id.toString(), null));
        return new Stamped(stamped.document().content(), stamped.link());
    }

    /**
     * The id the archive files the issued letter under, for the verification page's lookup; null for a
     * letter of an organisation without the code (read from today's setting, see docs/decree30-layouts.md).
     */
    String documentId(Letter letter) {
        return on(letter.owner()) ? letter.id() : null;
    }

    private boolean on(String owner) {
        return address != null && settings.qrFor(owner);
    }
}
