package vn.kyso.letters.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LetterState;
import vn.kyso.letters.LettersException;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.CompleteRequest;
import vn.kyso.signing.Document;
import vn.kyso.signing.Placement;
import vn.kyso.signing.PrepareRequest;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningService;

/**
 * The authorised person's signature from their own USB token or phone (issue #14): the two steps of remote
 * signing over the letter's draft, PERSON layout with the person's own signature image, at the level the
 * HSM path signs at. Step one notes on the letter's timeline who prepared which signature (the name from
 * the certificate), so that step two, on whatever instance it reaches, names the signer; step two accepts
 * only a signed PDF that is this letter's draft with the signature appended, never another document
 * prepared under the same caller.
 */
final class RemotePersonSignature {

    static final String PREPARED = "PERSON_SIGNATURE_PREPARED";

    private final LetterWorkflow letters;
    private final LetterStore store;
    private final SigningService signing;
    private final Clock clock;

    RemotePersonSignature(LetterWorkflow letters, LetterStore store, SigningService signing, Clock clock) {
        this.letters = letters;
        this.store = store;
        this.signing = signing;
        this.clock = clock;
    }

    PreparedSignature prepare(UUID id, List<byte[]> chain, byte[] signatureImage, Placement placement,
            String actor) {
        Letter letter = draft(id);
        PreparedSignature prepared = signing.prepare(new PrepareRequest(
                new Document(letter.originalName(), letters.pdf(id)), chain,
                new SignOptions(SignatureFormat.PADES, LetterWorkflow.PERSON_LEVEL, null, Appearance.PERSON, placement,
                        null, null, null, null), actor, signatureImage));
        String signer = LetterWorkflow.holderName(subjectOf(chain.get(0)));
        Instant now = clock.instant();
        store.event(id, new Letter.Event(now, actor, PREPARED, prepared.id(), signer,
                "prepared for the signer's own device until " + LetterWorkflow.vietnamTime(prepared.expiresAt())));
        return prepared;
    }

    Letter complete(UUID id, String preparedId, byte[] signatureValue, String actor) {
        Letter letter = draft(id);
        Letter.Event prepared = letter.events().stream()
                .filter(e -> PREPARED.equals(e.action()) && preparedId.equals(e.keyId())).findFirst()
                .orElseThrow(() -> LettersException.invalid("no signature of this letter was prepared as '"
                        + preparedId + "'"));
        byte[] draft = letters.pdf(id);
        SignedDocument signed = signing.complete(new CompleteRequest(preparedId, signatureValue, actor));
        // A PAdES signature is an incremental update: the signed PDF begins with the bytes it signed.
        byte[] content = signed.content();
        if (content.length <= draft.length || !Arrays.equals(content, 0, draft.length, draft, 0, draft.length)) {
            throw LettersException.invalid("the prepared signature '" + preparedId + "' is not over this letter's "
                    + "draft as it is now");
        }
        Instant now = clock.instant();
        if (!store.signedByPerson(id, content, prepared.name(), now, new Letter.Event(now, actor,
                "SIGNED_BY_PERSON", null, prepared.name(), "signed on the signer's own device at "
                        + LetterWorkflow.vietnamTime(signed.signingTime()) + ", "
                        + LetterWorkflow.PERSON_LEVEL.name().replace('_', '-')))) {
            throw LettersException.conflict(letters.get(id).state(), "the letter was signed meanwhile");
        }
        return letters.get(id);
    }

    private Letter draft(UUID id) {
        Letter letter = letters.get(id);
        if (letter.state() != LetterState.DRAFT) {
            throw LettersException.conflict(letter.state(), "the letter is " + letter.state()
                    + "; the authorised person signs a DRAFT once");
        }
        return letter;
    }

    private static String subjectOf(byte[] der) {
        try {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return c.getSubjectX500Principal().getName(X500Principal.RFC2253);
        } catch (CertificateException e) {
            // The signing module refuses the chain in step one with its own code; no name to show then.
            return null;
        }
    }
}
