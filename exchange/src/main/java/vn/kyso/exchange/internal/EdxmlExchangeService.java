package vn.kyso.exchange.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.archive.ArchiveService;
import vn.kyso.core.KeyFamily;
import vn.kyso.exchange.Attachment;
import vn.kyso.exchange.BusinessType;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.ExchangeSettings.LocalOrgan;
import vn.kyso.exchange.FollowUpRequest;
import vn.kyso.exchange.IncomingResult;
import vn.kyso.exchange.IncomingResult.ReceivedAttachment;
import vn.kyso.exchange.MessageHeader;
import vn.kyso.exchange.Organ;
import vn.kyso.exchange.OutgoingMessage;
import vn.kyso.exchange.OutgoingRequest;
import vn.kyso.exchange.StatusCode;
import vn.kyso.exchange.StatusRequest;
import vn.kyso.exchange.internal.IncomingChecks.Received;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SigningService;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.Verdict;

/**
 * edXML over the signing, validation and archive facades. Incoming messages are parsed once; the
 * structural signature check, the validator and every later read see the same bytes and the same DOM.
 */
public final class EdxmlExchangeService implements ExchangeService {

    private static final Logger log = LoggerFactory.getLogger(EdxmlExchangeService.class);

    private final SigningService signing;
    private final IncomingChecks checks;
    private final IncomingArchive archive;
    private final ExchangeSettings settings;
    private final Clock clock;
    private final ReceivedLedger ledger;

    /**
     * @param archive the archive incoming messages are filed in, or null to keep none (the result then
     *                names no records)
     */
    public EdxmlExchangeService(SigningService signing, vn.kyso.validation.ValidationService validation,
            ArchiveService archive, ExchangeSettings settings, Clock clock) {
        this(signing, validation, archive, settings, clock, null);
    }

    /**
     * @param ledgerDatabase where the ledger of received messages lives, shared by every instance and kept
     *                       over restarts; null keeps it in memory (one instance)
     */
    public EdxmlExchangeService(SigningService signing, vn.kyso.validation.ValidationService validation,
            ArchiveService archive, ExchangeSettings settings, Clock clock, javax.sql.DataSource ledgerDatabase) {
        this.ledger = ledgerDatabase == null ? new MemoryReceivedLedger()
                : new JdbcReceivedLedger(ledgerDatabase, Objects.requireNonNull(clock, "clock"));
        this.signing = Objects.requireNonNull(signing, "signing");
        this.checks = new IncomingChecks(validation);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.archive = new IncomingArchive(archive, settings);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ outgoing

    @Override
    public OutgoingMessage build(OutgoingRequest request) {
        LocalOrgan sender = local(request.from().organId());
        Integer typeCode = settings.documentTypeCode(request.documentType());
        if (typeCode == null) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the document type '" + request.documentType()
                    + "' has no DocumentType/Type code in kyso.exchange.document-types");
        }
        List<String> signers = new ArrayList<>();
        List<EdxmlFormat.Carried> carried = carry(request.attachments(), signers);
        String signer = request.signerFullName() != null ? request.signerFullName()
                : signers.isEmpty() ? null : signers.get(0);
        if (signer == null) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "signerFullName is required");
        }
        String documentId = sender.organ().organId() + "," + EdxmlFormat.DATE.format(request.promulgationDate())
                + "," + request.codeNumber() + "/" + request.codeNotation();
        List<String> places = request.toPlaces().isEmpty()
                ? request.to().stream().map(Organ::organName).toList() : request.toPlaces();
        MessageHeader header = new MessageHeader(documentId, sender.organ(), request.to(), request.codeNumber(),
                request.codeNotation(), request.place(), request.promulgationDate(), request.documentType(),
                request.subject(), signer, request.dueDate(), request.priority(), places, typeCode,
                request.content(), request.signerPosition(), BusinessType.NEW, null, null);
        return send(header, carried, request.keyAlias() != null ? request.keyAlias() : sender.keyAlias());
    }

    @Override
    public OutgoingMessage followUp(FollowUpRequest request) {
        MessageHeader original;
        try {
            Document d = SafeXml.parse(request.original());
            Element messageHeader = EdxmlFormat.messageHeader(EdxmlFormat.envelope(d));
            SignatureCheck.check(d);
            checks.verifyEnvelope(request.original());
            original = EdxmlFormat.readHeader(messageHeader);
        } catch (Rejected r) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the original message cannot be followed up: "
                    + r.reason().code() + " " + r.getMessage());
        }
        if (original.business() != BusinessType.NEW) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the original is itself a "
                    + original.business() + "; follow up the new letter's message");
        }
        if (!original.from().organId().equals(request.from().organId())) {
            throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the original was sent by "
                    + original.from().organId() + ", not by " + request.from().organId());
        }
        LocalOrgan sender = local(original.from().organId());
        List<EdxmlFormat.Carried> carried = carry(request.attachments(), new ArrayList<>());
        MessageHeader header = original.followUp(request.type(), request.reason());
        return send(header, carried, request.keyAlias() != null ? request.keyAlias() : sender.keyAlias());
    }

    private OutgoingMessage send(MessageHeader header, List<EdxmlFormat.Carried> carried, String keyAlias) {
        Document d = EdxmlFormat.message(header, carried, now());
        byte[] signed = sign(SafeXml.serialize(d), keyAlias, "edxml.xml");
        log.info("built edXML message {} ({}) for {} receiver(s), {} attachment(s), {} bytes", header.documentId(),
                header.business(), header.to().size(), carried.size(), signed.length);
        return new OutgoingMessage(header.documentId(), header, signed);
    }

    /** Each file validated (it must be VALID); the signers of the first are added to {@code signers}. */
    private List<EdxmlFormat.Carried> carry(List<Attachment> attachments, List<String> signers) {
        List<EdxmlFormat.Carried> carried = new ArrayList<>();
        for (Attachment a : attachments) {
            ValidationReport report = checks.validateAttachment(a.name(), a.content(), ExchangeError.INVALID_REQUEST);
            if (report.verdict() != Verdict.VALID) {
                throw new ExchangeException(ExchangeError.INVALID_REQUEST, "the attachment '" + a.name()
                        + "' is not validly signed (" + report.verdict() + ")");
            }
            if (carried.isEmpty()) {
                report.signatures().stream().map(SignatureReport::signerName).forEach(signers::add);
            }
            carried.add(new EdxmlFormat.Carried(UUID.randomUUID().toString(), IncomingChecks.sha256(a.content()), a));
        }
        return carried;
    }

    // ------------------------------------------------------------------ incoming

    @Override
    public IncomingResult receive(byte[] edxml, String receiverOrganId) {
        Objects.requireNonNull(edxml, "edxml");
        LocalOrgan receiver = receiverOrganId == null || receiverOrganId.isBlank() ? settings.defaultOrgan()
                : local(receiverOrganId.strip());
        Document d = null;
        MessageHeader header = null;
        String claimed = null;
        try {
            if (edxml.length > settings.maxMessageSize()) {
                throw new Rejected(ExchangeError.MESSAGE_TOO_LARGE, "the message has " + edxml.length
                        + " bytes; at most " + settings.maxMessageSize() + " are accepted");
            }
            d = SafeXml.parse(edxml);
            Element envelope = EdxmlFormat.envelope(d);
            Element messageHeader = EdxmlFormat.messageHeader(envelope);
            SignatureCheck.check(d);
            SignatureReport envelopeSignature = checks.verifyEnvelope(edxml);
            header = EdxmlFormat.readHeader(messageHeader);
            if (!IncomingChecks.same(header.from().organName(), envelopeSignature.organisation())
                    && !IncomingChecks.same(header.from().organName(), envelopeSignature.signerName())) {
                throw new Rejected(ExchangeError.HEADER_MISMATCH, "the message claims to come from '"
                        + header.from().organName() + "' but is signed by '" + envelopeSignature.signerName() + "'");
            }
            String ours = receiver.organ().organId();
            if (header.to().stream().noneMatch(o -> o.organId().equals(ours))) {
                throw new Rejected(ExchangeError.WRONG_RECEIVER, "the message is not addressed to " + ours);
            }
            List<Received> files = checks.attachments(d.getDocumentElement(), envelope, header,
                    header.business() == BusinessType.RECALL);
            String key = ReceivedLedger.key(header.from().organId(), header.documentId(), header.business(),
                    files.isEmpty() ? "" : files.get(0).sha256());
            if (!ledger.claim(key)) {
                ReceivedLedger.Entry earlier = ledger.get(key);
                throw new Rejected(ExchangeError.DUPLICATE_MESSAGE, "this message was received before"
                        + (earlier == null ? "" : " at " + earlier.at() + (earlier.records().isEmpty() ? ""
                                : " (archive record " + earlier.records().get(0) + ")")));
            }
            claimed = key;
            ReceivedLedger.Entry original = null;
            if (header.business() != BusinessType.NEW) {
                original = ledger.get(ReceivedLedger.key(header.from().organId(), header.businessDocumentId(),
                        BusinessType.NEW, ""));
                if (original == null) {
                    throw new Rejected(ExchangeError.ORIGINAL_NOT_FOUND, "no letter " + header.businessDocumentId()
                            + " was received from " + header.from().organId());
                }
            }
            List<ReceivedAttachment> lines = archive(edxml, header, files);
            List<String> records = lines.stream().map(ReceivedAttachment::recordId).toList();
            ledger.complete(key, clock.instant(), records);
            claimed = null;
            String packageRecord = lines.isEmpty() ? null : lines.remove(0).recordId();
            StatusCode code = StatusCode.RECEIVED;
            String description = "Đã đến: đã nhận và kiểm tra chữ ký số, hợp lệ";
            if (original != null) {
                code = StatusCode.RECALL_REQUESTED;
                description = code.vietnamese() + ". " + header.business().vietnamese() + ": "
                        + Objects.requireNonNullElse(header.businessReason(), "");
                archive.annotate(original.records(), "EDXML_" + header.business().name() + "_REQUESTED",
                        header.business().vietnamese() + " " + header.businessDocumentId() + " do "
                                + header.from().organName() + " gửi; lý do: " + header.businessReason()
                                + (packageRecord == null ? "" : "; gói tin: bản ghi " + packageRecord),
                        "edxml:" + header.from().organId());
            }
            byte[] status = statusMessage(receiver, header.from().organId(), header.numberSymbol(),
                    EdxmlFormat.DATE.format(header.promulgationDate()), header.documentId(), code, description,
                    null, null);
            log.info("received edXML message {} ({}) from {} for {}", header.documentId(), header.business(),
                    header.from().organId(), ours);
            return new IncomingResult(code, null, null, header.documentId(), header, lines, packageRecord, status);
        } catch (Rejected r) {
            String documentId = header != null ? header.documentId() : d == null ? null
                    : EdxmlFormat.documentIdOrNull(d);
            String sender = header != null ? header.from().organId() : null;
            log.info("rejected edXML message {}: {} {}", documentId, r.reason(), r.getMessage());
            byte[] status = statusMessage(receiver, sender, header == null ? null : header.numberSymbol(),
                    header == null ? null : EdxmlFormat.DATE.format(header.promulgationDate()), documentId,
                    StatusCode.REJECTED, StatusTexts.description(r.reason(), r.getMessage()), null, null);
            return new IncomingResult(StatusCode.REJECTED, r.reason(), r.getMessage(), documentId, null, List.of(),
                    null, status);
        } finally {
            if (claimed != null) {
                ledger.release(claimed);
            }
        }
    }

    /** The package first, then each attachment. */
    private List<ReceivedAttachment> archive(byte[] edxml, MessageHeader header, List<Received> files) {
        List<ReceivedAttachment> lines = new ArrayList<>();
        String packageName = header.documentId().replaceAll("[^\\p{L}\\p{N}._-]", "_")
                + (header.business() == BusinessType.NEW ? "" : "." + header.business().name().toLowerCase(java.util.Locale.ROOT))
                + ".edxml.xml";
        lines.add(new ReceivedAttachment(packageName, IncomingChecks.sha256(edxml), "VALID", List.of(),
                archive.ingestPackage(packageName, edxml, header)));
        for (Received f : files) {
            lines.add(new ReceivedAttachment(f.name(), f.sha256(), f.report().verdict().name(),
                    f.report().signatures().stream().map(SignatureReport::signerName).toList(),
                    archive.ingestFile(f.name(), f.content(), header)));
        }
        return lines;
    }

    // ------------------------------------------------------------------ status

    @Override
    public byte[] status(StatusRequest request) {
        LocalOrgan from = local(request.from().organId());
        String description = request.description().isEmpty() ? request.status().vietnamese() : request.description();
        if (request.status().decidesFollowUp()) {
            ReceivedLedger.Entry letter = ledger.get(ReceivedLedger.key(request.responseTo().organId(),
                    request.documentId(), BusinessType.NEW, ""));
            if (letter == null) {
                throw new ExchangeException(ExchangeError.INVALID_REQUEST, "no letter " + request.documentId()
                        + " was received from " + request.responseTo().organId());
            }
            archive.annotate(letter.records(), request.status() == StatusCode.RECALL_ACCEPTED
                    ? "EDXML_FOLLOW_UP_ACCEPTED" : "EDXML_FOLLOW_UP_REFUSED", request.status().vietnamese()
                    + " (" + request.status().code() + "): " + description + "; bản ghi giữ nguyên trong kho lưu trữ",
                    "edxml:" + from.organ().organId());
        }
        return statusMessage(from, request.responseTo().organId(), request.numberSymbol(), null,
                request.documentId(), request.status(), description, request.staff(), request.department());
    }

    private byte[] statusMessage(LocalOrgan from, String responseTo, String code, String promulgationDate,
            String documentId, StatusCode status, String description, String staff, String department) {
        Document d = EdxmlFormat.status(from.organ(), responseTo, code, promulgationDate, documentId, status,
                description, staff, department, now());
        return sign(SafeXml.serialize(d), from.keyAlias(), "status.xml");
    }

    // ------------------------------------------------------------------ helpers

    /** Signs the whole message and puts the signature into {@code edXMLHeader/DigitalSignature}. */
    private byte[] sign(byte[] xml, String keyAlias, String name) {
        SignOptions options = new SignOptions(SignatureFormat.XADES, settings.level(), Packaging.ENVELOPED,
                Appearance.NONE, null, null, null, DigestAlgorithm.SHA256, KeyFamily.SPECIALISED);
        byte[] signed = signing.sign(new SignRequest(new vn.kyso.signing.Document(name, xml), keyAlias, options))
                .content();
        return SignaturePlacement.intoHeader(signed);
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
}
