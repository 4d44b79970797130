package vn.kyso.exchange.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.archive.AccessRegime;
import vn.kyso.archive.ArchiveError;
import vn.kyso.archive.ArchiveException;
import vn.kyso.archive.ArchiveService;
import vn.kyso.archive.IngestRequest;
import vn.kyso.archive.PreservationPeriod;
import vn.kyso.archive.RecordMetadata;
import vn.kyso.core.ErrorKind;
import vn.kyso.core.KeyFamily;
import vn.kyso.exchange.Attachment;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.ExchangeSettings.LocalOrgan;
import vn.kyso.exchange.IncomingResult;
import vn.kyso.exchange.IncomingResult.ReceivedAttachment;
import vn.kyso.exchange.MessageHeader;
import vn.kyso.exchange.Organ;
import vn.kyso.exchange.OutgoingMessage;
import vn.kyso.exchange.OutgoingRequest;
import vn.kyso.exchange.StatusCode;
import vn.kyso.exchange.StatusRequest;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationService;
import vn.kyso.validation.Verdict;

/**
 * edXML over the signing, validation and archive facades. Incoming messages are parsed once; the
 * structural signature check, the validator and every later read see the same bytes and the same DOM.
 */
public final class EdxmlExchangeService implements ExchangeService {

    private static final Logger log = LoggerFactory.getLogger(EdxmlExchangeService.class);

    private final SigningService signing;
    private final ValidationService validation;
    private final ArchiveService archive;
    private final ExchangeSettings settings;
    private final Clock clock;

    /**
     * @param archive the archive incoming messages are filed in, or null to keep none (the result then
     *                names no records)
     */
    public EdxmlExchangeService(SigningService signing, ValidationService validation, ArchiveService archive,
            ExchangeSettings settings, Clock clock) {
        this.signing = Objects.requireNonNull(signing, "signing");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.archive = archive;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ outgoing

    @Override
    public OutgoingMessage build(OutgoingRequest request) {
        LocalOrgan sender = local(request.from().organId());
        String keyAlias = request.keyAlias() != null ? request.keyAlias() : sender.keyAlias();
        List<EdxmlFormat.Carried> carried = new ArrayList<>();
        String firstSigner = null;
        for (Attachment a : request.attachments()) {
            ValidationReport report = validateAttachment(a.name(), a.content(), ExchangeError.INVALID_REQUEST);
            if (report.verdict() != Verdict.VALID) {
                throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the attachment '" + a.name()
                        + "' is not validly signed (" + report.verdict() + ")");
            }
            if (firstSigner == null && !report.signatures().isEmpty()) {
                firstSigner = report.signatures().get(0).signerName();
            }
            carried.add(new EdxmlFormat.Carried(UUID.randomUUID().toString(), sha256(a.content()), a));
        }
        String signer = request.signerFullName() != null ? request.signerFullName() : firstSigner;
        if (signer == null) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "signerFullName is required");
        }
        String documentId = sender.organ().organId() + "," + EdxmlFormat.DATE.format(request.promulgationDate())
                + "," + request.codeNumber() + "/" + request.codeNotation();
        List<String> places = request.toPlaces().isEmpty()
                ? request.to().stream().map(Organ::organName).toList() : request.toPlaces();
        MessageHeader header = new MessageHeader(documentId, sender.organ(), request.to(), request.codeNumber(),
                request.codeNotation(), request.place(), request.promulgationDate(), request.documentType(),
                request.subject(), signer, request.dueDate(), request.priority(), places);
        Document d = EdxmlFormat.message(header, request.signerPosition(), request.content(), carried, now());
        byte[] signed = sign(SafeXml.serialize(d), keyAlias, "edxml.xml");
        log.info("built edXML message {} for {} receiver(s), {} attachment(s), {} bytes", documentId,
                request.to().size(), carried.size(), signed.length);
        return new OutgoingMessage(documentId, header, signed);
    }

    // ------------------------------------------------------------------ incoming

    @Override
    public IncomingResult receive(byte[] edxml, String receiverOrganId) {
        Objects.requireNonNull(edxml, "edxml");
        LocalOrgan receiver = receiverOrganId == null || receiverOrganId.isBlank() ? settings.defaultOrgan()
                : local(receiverOrganId.strip());
        Document d = null;
        MessageHeader header = null;
        try {
            if (edxml.length > settings.maxMessageSize()) {
                throw new Rejected(ExchangeError.MESSAGE_TOO_LARGE, "the message has " + edxml.length
                        + " bytes; at most " + settings.maxMessageSize() + " are accepted");
            }
            d = SafeXml.parse(edxml);
            Element envelope = EdxmlFormat.envelope(d);
            Element messageHeader = EdxmlFormat.messageHeader(envelope);
            SignatureCheck.check(d);
            SignatureReport envelopeSignature = verifyEnvelope(edxml);
            header = EdxmlFormat.readHeader(messageHeader);
            if (!same(header.from().organName(), envelopeSignature.organisation())
                    && !same(header.from().organName(), envelopeSignature.signerName())) {
                throw new Rejected(ExchangeError.HEADER_MISMATCH, "the message claims to come from '"
                        + header.from().organName() + "' but is signed by '" + envelopeSignature.signerName() + "'");
            }
            String ours = receiver.organ().organId();
            if (header.to().stream().noneMatch(o -> o.organId().equals(ours))) {
                throw new Rejected(ExchangeError.WRONG_RECEIVER, "the message is not addressed to " + ours);
            }
            List<Received> files = attachments(d.getDocumentElement(), envelope, header);
            List<ReceivedAttachment> lines = archive(edxml, header, files);
            String packageRecord = lines.isEmpty() ? null : lines.remove(0).recordId();
            byte[] status = statusMessage(receiver, header.from().organId(), header.numberSymbol(),
                    EdxmlFormat.DATE.format(header.promulgationDate()), header.documentId(), StatusCode.RECEIVED,
                    "Đã nhận và kiểm tra chữ ký: hợp lệ", null, null);
            log.info("received edXML message {} from {} for {}", header.documentId(), header.from().organId(), ours);
            return new IncomingResult(StatusCode.RECEIVED, null, null, header.documentId(), header, lines,
                    packageRecord, status);
        } catch (Rejected r) {
            String documentId = header != null ? header.documentId() : d == null ? null
                    : EdxmlFormat.documentIdOrNull(d);
            String sender = header != null ? header.from().organId() : null;
            log.info("rejected edXML message {}: {} {}", documentId, r.reason(), r.getMessage());
            byte[] status = statusMessage(receiver, sender, header == null ? null : header.numberSymbol(),
                    header == null ? null : EdxmlFormat.DATE.format(header.promulgationDate()), documentId,
                    StatusCode.REJECTED, r.reason().code() + ": " + r.getMessage(), null, null);
            return new IncomingResult(StatusCode.REJECTED, r.reason(), r.getMessage(), documentId, null, List.of(),
                    null, status);
        }
    }

    private SignatureReport verifyEnvelope(byte[] edxml) {
        ValidationReport report;
        try {
            report = validation.validate(new ValidationRequest(new SignedFile("edxml.xml", edxml), List.of(), null,
                    false)).report();
        } catch (ValidationException e) {
            throw new Rejected(e.error() == ValidationError.DOCUMENT_TOO_LARGE ? ExchangeError.MESSAGE_TOO_LARGE
                    : ExchangeError.SIGNATURE_INVALID, "the message's signature cannot be validated: "
                    + e.getMessage());
        }
        if (report.verdict() == Verdict.UNSIGNED || report.signatures().isEmpty()) {
            throw new Rejected(ExchangeError.UNSIGNED, "the validator found no signature on the message");
        }
        if (report.signatures().size() != 1) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING, "the validator found "
                    + report.signatures().size() + " signatures on the message");
        }
        SignatureReport s = report.signatures().get(0);
        if (report.verdict() != Verdict.VALID || s.verdict() != Verdict.VALID) {
            throw new Rejected(ExchangeError.SIGNATURE_INVALID, "the message's signature is " + report.verdict()
                    + ": " + s.reason().en());
        }
        if (s.family() != KeyFamily.SPECIALISED) {
            throw new Rejected(ExchangeError.SIGNER_NOT_SPECIALISED, "the message is signed by '" + s.signerName()
                    + "' with a " + (s.family() == null ? "untrusted" : s.family().name().toLowerCase(Locale.ROOT))
                    + " key; inter-agency messages need a specialised key");
        }
        return s;
    }

    private record Received(String name, String contentType, byte[] content, String sha256, ValidationReport report) {
    }

    private List<Received> attachments(Element root, Element envelope, MessageHeader header) {
        Map<String, Element> encoded = new LinkedHashMap<>();
        for (Element wrapper : SafeXml.children(root, EdxmlFormat.NS, "AttachmentEncoded")) {
            for (Element a : SafeXml.children(wrapper, EdxmlFormat.NS, "Attachment")) {
                String id = EdxmlFormat.contentId(SafeXml.text(a, EdxmlFormat.NS, "ContentId"));
                if (id.isEmpty() || encoded.put(id, a) != null) {
                    throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "an attachment has no or a repeated ContentId");
                }
            }
        }
        List<Element> references = EdxmlFormat.manifestReferences(envelope);
        if (references.isEmpty()) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the manifest lists no attachment");
        }
        if (references.size() != encoded.size()) {
            throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the manifest lists " + references.size()
                    + " attachments but the message carries " + encoded.size());
        }
        List<Received> files = new ArrayList<>();
        for (Element ref : references) {
            String id = EdxmlFormat.contentId(ref.hasAttributeNS(EdxmlFormat.XLINK_NS, "href")
                    ? ref.getAttributeNS(EdxmlFormat.XLINK_NS, "href") : SafeXml.text(ref, EdxmlFormat.NS, "ContentId"));
            Element a = encoded.remove(id);
            if (a == null) {
                throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment " + id + " is not in the message");
            }
            String name = Objects.requireNonNullElse(SafeXml.text(a, EdxmlFormat.NS, "AttachmentName"), "attachment");
            byte[] content;
            try {
                String b64 = Objects.requireNonNullElse(SafeXml.text(a, EdxmlFormat.NS, "ContentTransferEncoded"), "");
                content = Base64.getMimeDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment '" + name + "' is not base64");
            }
            if (content.length == 0) {
                throw new Rejected(ExchangeError.ATTACHMENT_MISSING, "the attachment '" + name + "' is empty");
            }
            String digest = sha256(content);
            List<Element> declared = SafeXml.children(ref, EdxmlFormat.KYSO_NS, "Sha256");
            if (declared.size() > 1) {
                throw new Rejected(ExchangeError.ATTACHMENT_DIGEST_MISMATCH, "more than one digest for '" + name + "'");
            }
            if (declared.size() == 1 && !declared.get(0).getTextContent().strip().equalsIgnoreCase(digest)) {
                throw new Rejected(ExchangeError.ATTACHMENT_DIGEST_MISMATCH, "the attachment '" + name
                        + "' is not the file the header names (SHA-256 differs)");
            }
            ValidationReport report = validateAttachment(name, content, ExchangeError.ATTACHMENT_SIGNATURE_INVALID);
            if (report.verdict() != Verdict.VALID) {
                throw new Rejected(ExchangeError.ATTACHMENT_SIGNATURE_INVALID, "the attachment '" + name
                        + "' is " + report.verdict() + ": " + report.summary().en());
            }
            files.add(new Received(name, SafeXml.text(a, EdxmlFormat.NS, "ContentType"), content, digest, report));
        }
        // The letter comes first; its signers must include the one the header names.
        List<String> signers = files.get(0).report().signatures().stream().map(SignatureReport::signerName).toList();
        if (signers.stream().noneMatch(s -> same(s, header.signerFullName()))) {
            throw new Rejected(ExchangeError.HEADER_MISMATCH, "the header names '" + header.signerFullName()
                    + "' as signer but the letter is signed by " + signers);
        }
        return files;
    }

    private ValidationReport validateAttachment(String name, byte[] content, ExchangeError reason) {
        try {
            return validation.validate(new ValidationRequest(new SignedFile(name, content), List.of(), null, false))
                    .report();
        } catch (ValidationException e) {
            if (reason == ExchangeError.INVALID_REQUEST) {
                throw new ExchangeException(reason, "the attachment '" + name + "' cannot be validated: "
                        + e.getMessage(), e);
            }
            throw new Rejected(reason, "the attachment '" + name + "' cannot be validated: " + e.getMessage());
        }
    }

    /** The package first, then each attachment; records already archived are reused. */
    private List<ReceivedAttachment> archive(byte[] edxml, MessageHeader header, List<Received> files) {
        List<ReceivedAttachment> lines = new ArrayList<>();
        String packageName = header.documentId().replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".edxml.xml";
        lines.add(new ReceivedAttachment(packageName, sha256(edxml), "VALID", List.of(),
                ingest(packageName, edxml, header)));
        for (Received f : files) {
            lines.add(new ReceivedAttachment(f.name(), f.sha256(), f.report().verdict().name(),
                    f.report().signatures().stream().map(SignatureReport::signerName).toList(),
                    ingest(f.name(), f.content(), header)));
        }
        return lines;
    }

    private String ingest(String name, byte[] content, MessageHeader h) {
        if (archive == null) {
            return null;
        }
        RecordMetadata metadata;
        try {
            metadata = new RecordMetadata(settings.fondCode(),
                    settings.fondCode() + "." + h.promulgationDate().getYear() + ".DEN", h.numberSymbol(),
                    h.promulgationDate(), h.documentType(), h.from().organName(), h.subject(), h.signerFullName(),
                    "vi", null, List.of("edXML", h.from().organId()), AccessRegime.RESTRICTED, null,
                    settings.preservationYears() == null ? PreservationPeriod.permanent()
                            : PreservationPeriod.ofYears(settings.preservationYears()), null);
        } catch (ArchiveException e) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "the header cannot be filed: " + e.getMessage()
                    + " " + e.fieldErrors());
        }
        try {
            return archive.ingest(new IngestRequest(name, content, null, metadata, "edxml:" + h.from().organId()))
                    .id();
        } catch (ArchiveException e) {
            if (e.error() == ArchiveError.DUPLICATE_RECORD) {
                return e.existingRecordId();
            }
            if (e.error().kind() == ErrorKind.UNAVAILABLE) {
                throw new ExchangeException(ExchangeError.ARCHIVE_UNAVAILABLE,
                        "the archive is unavailable; send the message again later", e);
            }
            if (e.error() == ArchiveError.METADATA_INVALID) {
                throw new Rejected(ExchangeError.HEADER_INVALID, "the header cannot be filed: " + e.fieldErrors());
            }
            throw new ExchangeException(ExchangeError.EXCHANGE_FAILED, "archiving the message failed", e);
        }
    }

    // ------------------------------------------------------------------ status

    @Override
    public byte[] status(StatusRequest request) {
        LocalOrgan from = local(request.from().organId());
        return statusMessage(from, request.responseTo().organId(), request.numberSymbol(), null,
                request.documentId(), request.status(), request.description(), request.staff(), request.department());
    }

    private byte[] statusMessage(LocalOrgan from, String responseTo, String code, String promulgationDate,
            String documentId, StatusCode status, String description, String staff, String department) {
        Document d = EdxmlFormat.status(from.organ(), responseTo, code, promulgationDate, documentId, status,
                description, staff, department, now());
        return sign(SafeXml.serialize(d), from.keyAlias(), "status.xml");
    }

    // ------------------------------------------------------------------ helpers

    private byte[] sign(byte[] xml, String keyAlias, String name) {
        SignOptions options = new SignOptions(SignatureFormat.XADES, settings.level(), Packaging.ENVELOPED,
                Appearance.NONE, null, null, null, DigestAlgorithm.SHA256, KeyFamily.SPECIALISED);
        return signing.sign(new SignRequest(new vn.kyso.signing.Document(name, xml), keyAlias, options)).content();
    }

    private LocalOrgan local(String organId) {
        LocalOrgan o = settings.organ(organId);
        if (o == null) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST,
                    "this service does not act for the agency " + organId);
        }
        return o;
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(EdxmlFormat.VIETNAM);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
