package vn.kyso.letters.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.MetadataForm;
import vn.kyso.archive.RecordDetails;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.conversion.ConversionRequest;
import vn.kyso.conversion.ConversionResult;
import vn.kyso.conversion.ConversionService;
import vn.kyso.conversion.PdfAProfile;
import vn.kyso.core.ServiceException;
import vn.kyso.core.VietnamTime;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.Document;
import vn.kyso.signing.FillInRequest;
import vn.kyso.signing.FilledIn;
import vn.kyso.signing.KeyInfo;
import vn.kyso.signing.Placement;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.signing.SignedDocument;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningService;
import vn.kyso.letters.Letter;
import vn.kyso.letters.LetterState;
import vn.kyso.letters.LettersError;
import vn.kyso.letters.LettersException;
import vn.kyso.letters.LettersService;
import vn.kyso.letters.LettersSettings;
import vn.kyso.letters.VerifyAddress;

/**
 * The Decree 30 flow for one outgoing letter: draft (PDF/A) → signed by the authorised person →
 * issued with number, date and the organisation's signature → archived. Plain Java over the module
 * facades; the controller wires it.
 */
public class LetterWorkflow implements LettersService {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    /** The person signs with a time-stamp; the organisation's signature, last on the letter, goes to B-LTA. */
    static final SignatureLevel PERSON_LEVEL = SignatureLevel.B_T;
    static final SignatureLevel ORGANISATION_LEVEL = SignatureLevel.B_LTA;

    /** The fields a draft carries; the number, date, issuer and signer come with later steps. */
    private static final Set<String> DRAFT_FIELDS = Set.of("fileCode", "documentType", "subject", "preservation",
            "accessRegime", "keywords", "language");

    private final LetterStore store;
    private final SigningService signing;
    private final ConversionService conversion;
    private final ArchiveService archive;
    private final LettersSettings settings;
    private final Clock clock;
    private final DraftQrCode qr;
    private final RemotePersonSignature remote;

    /** @param archive null when this deployment runs no archive: issued letters then stay ISSUED */
    public LetterWorkflow(LetterStore store, SigningService signing, ConversionService conversion, ArchiveService archive,
            LettersSettings settings, Clock clock) {
        this(store, signing, conversion, archive, settings, clock, null);
    }

    /**
     * @param verifyAddress the public verification page the drafts' QR codes link to; null stamps none,
     *                      whatever {@link LettersSettings#qrOrganisations()} says
     */
    public LetterWorkflow(LetterStore store, SigningService signing, ConversionService conversion, ArchiveService archive,
            LettersSettings settings, Clock clock, VerifyAddress verifyAddress) {
        this.store = Objects.requireNonNull(store);
        this.signing = Objects.requireNonNull(signing);
        this.conversion = Objects.requireNonNull(conversion);
        this.archive = archive;
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.qr = new DraftQrCode(signing, settings, verifyAddress);
        this.remote = new RemotePersonSignature(this, store, signing, clock);
    }

    // ---------------------------------------------------------------- steps

    /**
     * Checks the metadata, converts the upload to PDF/A-2b (a PDF/A passes through) and files a draft.
     *
     * @throws ArchiveException METADATA_INVALID listing every draft field at fault, before any conversion
     */
    @Override
    public Letter draft(String fileName, byte[] content, DraftForm form, String actor) {
        return draft(fileName, content, form, actor, null);
    }

    @Override
    public Letter draft(String fileName, byte[] content, DraftForm form, String actor, String owner) {
        checkDraft(form);
        ConversionResult pdfA = conversion.toPdfA(new ConversionRequest(content, fileName, PdfAProfile.PDF_A_2B));
        // Empty fields over the number and date placeholders now, before the person signs and locks every
        // other field: issuing then only fills them in (docs/decree30-layouts.md, "Issuing").
        byte[] draftPdf = signing.prepareFillIn(new Document(pdfName(fileName), pdfA.pdf())).content();
        // The verification QR code too: added after the person's signature it would be a finding.
        UUID id = UUID.randomUUID();
        DraftQrCode.Stamped stamped = qr.stamp(new Document(pdfName(fileName), draftPdf), id, blank(owner));
        draftPdf = stamped.pdf();
        Instant now = clock.instant();
        String detail = (pdfA.passedThrough() ? "PDF/A kept as uploaded" : "converted from "
                + pdfA.source().mediaType() + " to " + pdfA.conformance().profile().label())
                + (pdfA.conformance().compliant() ? "" : "; veraPDF reports failed rules")
                + (stamped.link() == null ? "" : "; verification QR code " + stamped.link());
        store.create(id, new LetterStore.Draft(form.subject().strip(), form.documentType().strip(),
                        form.fileCode().strip(), form.preservation().strip(), blank(form.accessRegime()),
                        blank(form.keywords()), pdfName(fileName), pdfA.pageCount(), blank(owner)),
                draftPdf, now, new Letter.Event(now, actor, "UPLOADED", null, null, detail));
        return get(id);
    }

    /** The authorised person's signature, PERSON layout, where the handwritten one would be. */
    @Override
    public Letter signAsPerson(UUID id, String keyId, Placement placement, String actor) {
        Letter letter = get(id);
        if (letter.state() != LetterState.DRAFT) {
            throw LettersException.conflict(letter.state(), "the letter is " + letter.state()
                    + "; the authorised person signs a DRAFT once");
        }
        KeyInfo key = key(keyId, KeyInfo.KeyHolder.PERSON);
        SignedDocument signed = signing.sign(new SignRequest(new Document(letter.originalName(), pdf(id)), keyId,
                new SignOptions(SignatureFormat.PADES, PERSON_LEVEL, null, Appearance.PERSON, placement, null, null,
                        null, null)));
        String signer = holderName(key.subject());
        Instant now = clock.instant();
        if (!store.signedByPerson(id, signed.content(), signer, now, new Letter.Event(now, actor,
                "SIGNED_BY_PERSON", keyId, signer, "signed at " + vietnamTime(signed.signingTime()) + ", " + label(PERSON_LEVEL)))) {
            throw LettersException.conflict(get(id).state(), "the letter was signed meanwhile");
        }
        return get(id);
    }

    @Override
    public PreparedSignature prepareRemoteSignature(UUID id, List<byte[]> certificateChain, byte[] signatureImage,
            Placement placement, String actor) {
        return remote.prepare(id, certificateChain, signatureImage, placement, actor);
    }

    @Override
    public Letter completeRemoteSignature(UUID id, String preparedId, byte[] signatureValue, String actor) {
        return remote.complete(id, preparedId, signatureValue, actor);
    }

    /**
     * Numbers, dates and signs the letter as the organisation (ORGANISATION layout over the person's
     * signature), then archives it. A letter left ISSUED by an archive failure is only archived again.
     */
    @Override
    public Letter issue(UUID id, IssueForm form, List<Upload> attachments, String actor) {
        Letter letter = get(id);
        switch (letter.state()) {
            case DRAFT -> throw LettersException.conflict(letter.state(),
                    "the authorised person has not signed the letter yet");
            case ARCHIVED -> throw LettersException.conflict(letter.state(),
                    "the letter is already issued and archived as record " + letter.recordId());
            case ISSUED -> {
                return archive(letter, metadata(letter, letter.organisation(), letter.numberSymbol(),
                        letter.documentDate().toString()), actor);
            }
            case SIGNED_BY_PERSON -> {
                // handled below
            }
        }
        String keyId = form.key() == null ? "" : form.key().strip();
        if (keyId.isEmpty()) {
            throw LettersException.invalid("'key' is required: the organisation's key");
        }
        String date = form.documentDate() == null || form.documentDate().isBlank()
                ? LocalDate.now(clock.withZone(VIETNAM)).toString() : form.documentDate().strip();
        KeyInfo key = key(keyId, KeyInfo.KeyHolder.ORGANISATION);
        String organisation = holderName(key.subject());
        // The metadata first: a bad number or date is refused before the organisation signs.
        RecordMetadata metadata = metadata(letter, organisation, form.numberSymbol(), date);
        // Attachments in separate files: PDF/A, then the organisation's mark with the number (Appendix I).
        List<LetterStore.SignedAttachment> marked = new ArrayList<>();
        for (Upload a : attachments) {
            ConversionResult pdfA = conversion.toPdfA(new ConversionRequest(a.content(), a.name(),
                    PdfAProfile.PDF_A_2B));
            SignedDocument signedAttachment = signing.sign(new SignRequest(new Document(pdfName(a.name()),
                    pdfA.pdf()), keyId, new SignOptions(SignatureFormat.PADES, ORGANISATION_LEVEL, null,
                    Appearance.ATTACHMENT, null, metadata.numberSymbol(), null, null, null)));
            marked.add(new LetterStore.SignedAttachment(pdfName(a.name()), signedAttachment.content()));
        }
        // The number and date written into the letter, in the fields the person's signature left open.
        FilledIn filled = signing.fillIn(new FillInRequest(new Document(letter.originalName(), pdf(id)),
                metadata.numberSymbol(), metadata.documentDate()));
        SignedDocument signed = signing.sign(new SignRequest(filled.document(), keyId,
                new SignOptions(SignatureFormat.PADES, ORGANISATION_LEVEL, null, Appearance.ORGANISATION, null,
                        metadata.numberSymbol(), null, null, null)));
        Instant now = clock.instant();
        if (!store.issued(id, signed.content(), organisation, metadata.numberSymbol(), metadata.documentDate(),
                marked, now, new Letter.Event(now, actor, "ISSUED", keyId, organisation, metadata.numberSymbol()
                        + ", " + metadata.documentDate() + "; signed at " + vietnamTime(signed.signingTime()) + ", "
                        + label(ORGANISATION_LEVEL) + (filled.filled().isEmpty() ? ""
                                : "; number and date written into the letter") + (marked.isEmpty() ? ""
                                : "; " + marked.size() + " attachment(s) marked with the number")))) {
            throw LettersException.conflict(get(id).state(), "the letter was issued meanwhile");
        }
        return archive(get(id), metadata, actor);
    }

    /** Archives whatever of the letter is not archived yet: the letter, then each attachment. */
    private Letter archive(Letter letter, RecordMetadata metadata, String actor) {
        if (archive == null) {
            return letter;
        }
        UUID id = UUID.fromString(letter.id());
        if (letter.recordId() == null) {
            RecordDetails record = ingest(id, letter.originalName(), pdf(id), metadata, actor);
            Instant now = clock.instant();
            store.letterArchived(id, record.id(), now, new Letter.Event(now, actor, "ARCHIVED", null, null,
                    "archive record " + record.id()));
        }
        for (Letter.Attachment a : letter.attachments()) {
            if (a.recordId() != null) {
                continue;
            }
            RecordDetails record = ingest(id, a.name(), attachmentPdf(id, a.position()),
                    attachmentMetadata(metadata, a), actor);
            Instant now = clock.instant();
            store.attachmentArchived(id, a.position(), record.id(), now, new Letter.Event(now, actor, "ARCHIVED",
                    null, null, "attachment " + a.position() + " (" + a.name() + "): archive record " + record.id()));
        }
        store.archived(id, clock.instant());
        return get(id);
    }

    private RecordDetails ingest(UUID id, String name, byte[] content, RecordMetadata metadata, String actor) {
        try {
            return archive.ingest(new IngestRequest(name, content, null, metadata, actor));
        } catch (ServiceException e) {
            Instant now = clock.instant();
            store.event(id, new Letter.Event(now, actor, "ARCHIVE_FAILED", null, null,
                    name + ": " + e.errorCode().code() + ": " + e.getMessage()));
            throw e;
        }
    }

    /** The letter's metadata, with the subject saying which attachment this is and its own page count. */
    static RecordMetadata attachmentMetadata(RecordMetadata m, Letter.Attachment a) {
        String suffix = " — Phụ lục " + a.position() + " (" + a.name() + ")";
        String subject = m.subject().length() + suffix.length() > 2000
                ? m.subject().substring(0, 2000 - suffix.length()) + suffix : m.subject() + suffix;
        return new RecordMetadata(m.fondCode(), m.fileCode(), m.numberSymbol(), m.documentDate(), m.documentType(),
                m.issuer(), subject, m.signer(), m.language(), null, m.keywords(), m.accessRegime(),
                m.confidenceLevel(), m.preservation(), null);
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Letter get(UUID id) {
        return store.find(id).orElseThrow(() -> LettersException.notFound(id.toString()));
    }

    @Override
    public List<Letter> list() {
        return store.list(settings.maxList());
    }

    @Override
    public List<Letter> list(String owner) {
        return store.list(owner, settings.maxList());
    }

    @Override
    public byte[] pdf(UUID id) {
        return store.pdf(id).orElseThrow(() -> LettersException.notFound(id.toString()));
    }

    @Override
    public byte[] attachmentPdf(UUID id, int position) {
        return store.attachmentPdf(id, position)
                .orElseThrow(() -> LettersException.notFound(id + " attachment " + position));
    }

    // ---------------------------------------------------------------- helpers

    private void checkDraft(DraftForm f) {
        // The archive's own rules, with stand-ins for what the draft cannot know yet; only the draft's
        // fields are reported.
        MetadataForm probe = new MetadataForm(settings.fondCode(), f.fileCode(), "1/KYSO",
                LocalDate.now(clock.withZone(VIETNAM)).toString(), f.documentType(), "-", f.subject(), null, null,
                null, f.keywords(), f.accessRegime(), null, f.preservation(), null);
        try {
            probe.toMetadata();
        } catch (ArchiveException e) {
            List<ArchiveException.FieldError> ours = new ArrayList<>();
            e.fieldErrors().stream().filter(fe -> DRAFT_FIELDS.contains(fe.field())).forEach(ours::add);
            if (!ours.isEmpty()) {
                throw ArchiveException.invalidMetadata(ours);
            }
        }
    }

    private RecordMetadata metadata(Letter l, String organisation, String numberSymbol, String date) {
        return new MetadataForm(settings.fondCode(), l.fileCode(), numberSymbol, date, l.documentType(),
                organisation, l.subject(), l.signer(), "vi",
                l.pageCount() == null ? null : l.pageCount().toString(), l.keywords(), l.accessRegime(), null,
                l.preservation(), qr.documentId(l)).toMetadata();
    }

    private KeyInfo key(String keyId, KeyInfo.KeyHolder holder) {
        KeyInfo key = signing.keys().stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new SigningException(vn.kyso.signing.SigningError.KEY_NOT_FOUND,
                        "no key named '" + keyId + "'"));
        if (key.holder() != holder) {
            throw new LettersException(LettersError.WRONG_KEY_HOLDER, "key '" + keyId + "' belongs to "
                    + (key.holder() == KeyInfo.KeyHolder.PERSON ? "a person" : "an organisation") + "; this step needs "
                    + (holder == KeyInfo.KeyHolder.PERSON ? "the authorised person's key" : "the organisation's key"));
        }
        return key;
    }

    /** The holder's name from a certificate subject: its CN, else its O, else the whole subject. */
    static String holderName(String subject) {
        if (subject == null || subject.isBlank()) {
            return null;
        }
        try {
            String cn = null;
            String o = null;
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("O")) {
                    o = rdn.getValue().toString();
                }
            }
            return cn != null ? cn : o != null ? o : subject;
        } catch (InvalidNameException | IllegalArgumentException e) {
            return subject;
        }
    }

    static String pdfName(String fileName) {
        String n = fileName == null || fileName.isBlank() ? "letter" : fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        int dot = n.lastIndexOf('.');
        n = (dot > 0 ? n.substring(0, dot) : n).replaceAll("[\\p{Cntrl}\"]", "_");
        if (n.isEmpty()) {
            n = "letter";
        }
        return (n.length() > 150 ? n.substring(0, 150) : n) + ".pdf";
    }

    /** As the seal's text shows it: ISO 8601 in Vietnam time, e.g. 2026-11-22T10:15:30+07:00. */
    static String vietnamTime(Instant t) {
        return t.atZone(VIETNAM).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String label(SignatureLevel level) {
        return level.name().replace('_', '-');
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
