package vn.kyso.api.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import vn.kyso.api.ApiSettings;
import vn.kyso.api.error.ApiException;
import vn.kyso.access.Caller;
import vn.kyso.api.openapi.ProblemCodes;
import vn.kyso.api.security.KeyOwnership;
import vn.kyso.api.signing.Downloads;
import vn.kyso.api.signing.SigningProblems;
import vn.kyso.core.ErrorKind;
import vn.kyso.api.audit.AuditNotes;
import vn.kyso.exchange.Attachment;
import vn.kyso.exchange.BusinessType;
import vn.kyso.exchange.ExchangeException;
import vn.kyso.exchange.ExchangeService;
import vn.kyso.exchange.ExchangeSettings;
import vn.kyso.exchange.FollowUpRequest;
import vn.kyso.exchange.IncomingResult;
import vn.kyso.exchange.Organ;
import vn.kyso.exchange.OutgoingMessage;
import vn.kyso.exchange.OutgoingRequest;
import vn.kyso.exchange.Priority;
import vn.kyso.exchange.StatusCode;
import vn.kyso.exchange.StatusRequest;

@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange (edXML)")
class ExchangeController {

    static final String STATUS_HEADER = "X-Edxml-Status";
    static final String REASON_HEADER = "X-Edxml-Reason";
    static final String DOCUMENT_ID_HEADER = "X-Edxml-Document-Id";
    static final MediaType XML = MediaType.APPLICATION_XML;

    private final Exchange exchange;
    private final long maxUpload;

    private final KeyOwnership keyOwnership;

    ExchangeController(ObjectProvider<ExchangeService> service, ObjectProvider<ExchangeSettings> settings,
            ApiSettings api, KeyOwnership keyOwnership) {
        this.exchange = new Exchange(service, settings);
        this.keyOwnership = keyOwnership;
        this.maxUpload = api.maxUploadSize().toBytes();
    }

    @PostMapping(path = "/outgoing", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/xml")
    @Operation(summary = "Build a signed edXML message from an issued letter",
            description = "The signed files (the letter first) become base64 attachments; the header carries the "
                    + "sender and receivers, number and notation, promulgation place and date, type, subject, signer, "
                    + "due date and priority. The whole message is signed (XAdES, enveloped) with the sending "
                    + "agency's specialised key. Every attachment must already be validly signed.")
    @SigningProblems
    @ProblemCodes({"KEY_NOT_YOURS", "HEADER_INVALID", "EXCHANGE_FAILED"})
    ResponseEntity<byte[]> outgoing(
            @Parameter(description = "The signed files, the letter first") @RequestParam("file") List<MultipartFile> files,
            @Parameter(description = "Sending agency's identifier, e.g. 000.00.00.H99") @RequestParam String from,
            @Parameter(description = "Receiving agencies' identifiers") @RequestParam("to") List<String> to,
            @Parameter(description = "Receivers' names, in the order of `to`")
            @RequestParam(name = "toName", required = false) List<String> toNames,
            @RequestParam String codeNumber, @RequestParam String codeNotation, @RequestParam String place,
            @Parameter(description = "YYYY-MM-DD") @RequestParam String promulgationDate,
            @RequestParam String documentType, @RequestParam String subject,
            @RequestParam(required = false) String content,
            @Parameter(description = "Signer's full name; default: the first signer of the letter")
            @RequestParam(required = false) String signer,
            @RequestParam(required = false) String signerPosition,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String dueDate,
            @Parameter(description = "NORMAL, URGENT, VERY_URGENT or EXPRESS")
            @RequestParam(required = false) String priority,
            @RequestParam(name = "toPlace", required = false) List<String> toPlaces,
            @Parameter(description = "The sender's key; default: the one configured for it")
            @RequestParam(name = "key", required = false) String key,
            @Parameter(hidden = true) Caller caller) {
        keyOwnership.checkAgency(caller, from, key);
        long total = files.stream().mapToLong(MultipartFile::getSize).sum();
        if (total > maxUpload) {
            throw new MaxUploadSizeExceededException(maxUpload);
        }
        List<Organ> receivers = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            receivers.add(new Organ(to.get(i), toNames != null && i < toNames.size() ? toNames.get(i) : null));
        }
        List<Attachment> attachments = new ArrayList<>();
        for (MultipartFile f : files) {
            attachments.add(new Attachment(f.getOriginalFilename(), f.getContentType(), bytes(f)));
        }
        OutgoingMessage m = exchange.get().build(new OutgoingRequest(new Organ(from, null), receivers, codeNumber,
                codeNotation, place, date("promulgationDate", promulgationDate), documentType, subject, content,
                signer, signerPosition, dueDate == null || dueDate.isBlank() ? null : date("dueDate", dueDate),
                priority(priority), toPlaces, attachments, key));
        AuditNotes.target("edxml:" + m.documentId());
        return ResponseEntity.ok()
                .contentType(XML)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(m.fileName()))
                .header(DOCUMENT_ID_HEADER, ascii(m.documentId()))
                .body(m.edxml());
    }

    @PostMapping(path = "/incoming", consumes = {"application/xml", "text/xml"}, produces = "application/xml")
    @Operation(summary = "Receive an edXML message and answer with a status message",
            description = "The message is parsed with DOCTYPEs refused and its size bounded; its one signature must "
                    + "cover the whole message and be valid by a specialised key; the receiver must be `receiver`; "
                    + "every attachment must match the header and be validly signed. An accepted message is archived "
                    + "with its attachments and answered 200 with a signed `Status` (StatusCode 01). A rejected one "
                    + "is answered with a problem whose `code` is the reason (e.g. SIGNATURE_INVALID, UNSIGNED, "
                    + "ATTACHMENT_DIGEST_MISMATCH, FORBIDDEN_XML), or with `format=edxml` with the signed rejection "
                    + "`Status` (StatusCode 02) under the same HTTP status.")
    // With format=problem a rejected message is answered with its cause's code; else the status message says it.
    @ProblemCodes({"KEY_NOT_YOURS", "UNSUPPORTED_MEDIA_TYPE", "MESSAGE_TOO_LARGE", "FORBIDDEN_XML",
        "MALFORMED_MESSAGE", "NOT_EDXML", "UNSIGNED", "SIGNATURE_WRAPPING", "SIGNATURE_INVALID",
        "SIGNER_NOT_SPECIALISED", "HEADER_INVALID", "WRONG_RECEIVER", "HEADER_MISMATCH", "ATTACHMENT_MISSING",
        "ATTACHMENT_DIGEST_MISMATCH", "ATTACHMENT_SIGNATURE_INVALID", "DUPLICATE_MESSAGE", "ORIGINAL_NOT_FOUND",
        "ARCHIVE_UNAVAILABLE", "LEDGER_UNAVAILABLE", "EXCHANGE_FAILED"})
    ResponseEntity<byte[]> incoming(HttpServletRequest request,
            @Parameter(description = "The receiving agency's identifier; default: this service's own")
            @RequestParam(required = false) String receiver,
            @Parameter(description = "`edxml` to get a rejection as the signed Status message instead of a problem")
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) Caller caller) throws IOException {
        keyOwnership.checkAgency(caller, receiver != null ? receiver : exchange.defaultOrgan(), null);
        ExchangeService service = exchange.get();
        boolean edxml = format != null && format.equalsIgnoreCase("edxml");
        if (format != null && !edxml && !format.equalsIgnoreCase("problem")) {
            throw ApiException.invalid("format is edxml or problem");
        }
        byte[] body = readBounded(request, exchange.maxMessageSize());
        IncomingResult r = service.receive(body, receiver);
        if (r.documentId() != null) {
            AuditNotes.target("edxml:" + r.documentId());
        }
        AuditNotes.note("StatusCode " + r.status().code() + (r.reason() == null ? "" : " " + r.reason().code()));
        if (!r.accepted() && !edxml) {
            throw ExchangeException.rejected(r);
        }
        ResponseEntity.BodyBuilder b = ResponseEntity.status(r.accepted() ? HttpStatus.OK : statusOf(r.reason().kind()))
                .contentType(XML)
                .cacheControl(CacheControl.noStore())
                .header(STATUS_HEADER, r.status().name());
        if (r.reason() != null) {
            b.header(REASON_HEADER, r.reason().code());
        }
        if (r.documentId() != null) {
            b.header(DOCUMENT_ID_HEADER, ascii(r.documentId()));
        }
        return b.body(r.statusMessage());
    }

    @PostMapping(path = "/follow-up", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/xml")
    @Operation(summary = "Recall, update or replace a letter sent before",
            description = "`original` is the signed edXML message exactly as it was sent; the new message carries "
                    + "its header with TraceHeaderList/Bussiness set: BussinessDocType 1 (RECALL), 2 (UPDATE) or 3 "
                    + "(REPLACE), the reason, and the original's DocumentId. An update or replacement carries the new "
                    + "signed files (`file`, the letter first); a recall none. The receiver answers 13 (registered), "
                    + "then its clerk 15 (agreed) or 16 (refused).")
    @SigningProblems
    @ProblemCodes({"KEY_NOT_YOURS", "FORBIDDEN_XML", "MALFORMED_MESSAGE", "NOT_EDXML", "UNSIGNED",
        "SIGNATURE_WRAPPING", "SIGNATURE_INVALID", "SIGNER_NOT_SPECIALISED", "HEADER_INVALID", "EXCHANGE_FAILED"})
    ResponseEntity<byte[]> followUp(
            @Parameter(description = "The sending agency; the original must be its message") @RequestParam String from,
            @Parameter(description = "The signed edXML message as sent") @RequestParam("original") MultipartFile original,
            @Parameter(description = "RECALL, UPDATE or REPLACE, or its code 1-3") @RequestParam String type,
            @Parameter(description = "Why (BussinessDocReason)") @RequestParam String reason,
            @Parameter(description = "For UPDATE and REPLACE: the new signed files, the letter first")
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "key", required = false) String key,
            @Parameter(hidden = true) Caller caller) {
        keyOwnership.checkAgency(caller, from, key);
        byte[] originalBytes = bytes(original);
        long total = originalBytes.length + (files == null ? 0 : files.stream().mapToLong(MultipartFile::getSize).sum());
        if (total > maxUpload) {
            throw new MaxUploadSizeExceededException(maxUpload);
        }
        List<Attachment> attachments = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            attachments.add(new Attachment(f.getOriginalFilename(), f.getContentType(), bytes(f)));
        }
        ExchangeService service = exchange.get();
        FollowUpRequest request = new FollowUpRequest(new Organ(from, null), originalBytes, businessType(type), reason,
                attachments, key);
        OutgoingMessage m = service.followUp(request);
        AuditNotes.target("edxml:" + m.documentId());
        AuditNotes.note(m.header().business() + " of " + m.documentId() + ": " + reason);
        return ResponseEntity.ok()
                .contentType(XML)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(m.fileName()))
                .header(DOCUMENT_ID_HEADER, ascii(m.documentId()))
                .body(m.edxml());
    }

    @PostMapping(path = "/status", produces = "application/xml")
    @Operation(summary = "Produce a signed status message about a received letter",
            description = "For the updates after receipt: ACCEPTED (03), ASSIGNED (04), PROCESSING (05), DONE (06), "
                    + "or REJECTED (02) with a description.")
    @SigningProblems
    @ProblemCodes({"KEY_NOT_YOURS", "LEDGER_UNAVAILABLE", "ARCHIVE_UNAVAILABLE", "EXCHANGE_FAILED"})
    ResponseEntity<byte[]> status(
            @Parameter(description = "The reporting agency (the receiver of the letter)") @RequestParam String from,
            @Parameter(description = "The agency that sent the letter") @RequestParam String to,
            @RequestParam String documentId,
            @Parameter(description = "Số và ký hiệu, e.g. 123/UBND-VP")
            @RequestParam(required = false) String numberSymbol,
            @Parameter(description = "The former name of numberSymbol, still accepted", deprecated = true)
            @RequestParam(required = false) String numberNotation,
            @Parameter(description = "RECEIVED, REJECTED, ACCEPTED, ASSIGNED, PROCESSING, DONE, RECALL_REQUESTED, "
                    + "RECALL_ACCEPTED (15, agrees to a recall or update) or RECALL_REFUSED (16), or its code")
            @RequestParam String status,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String staff,
            @RequestParam(required = false) String department,
            @Parameter(hidden = true) Caller caller) {
        keyOwnership.checkAgency(caller, from, null);
        byte[] message = exchange.get().status(new StatusRequest(new Organ(from, null), new Organ(to, null),
                documentId, numberSymbol != null ? numberSymbol : numberNotation, statusCode(status), description, staff, department));
        AuditNotes.target("edxml:" + documentId);
        AuditNotes.note("StatusCode " + statusCode(status).code());
        return ResponseEntity.ok().contentType(XML).cacheControl(CacheControl.noStore()).body(message);
    }

    /** Reads at most {@code max + 1} bytes: enough for the service to see a message is too large, never more. */
    static byte[] readBounded(HttpServletRequest request, long max) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
    }

    private static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static StatusCode statusCode(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return t.matches("\\d{2}") ? StatusCode.ofCode(t) : StatusCode.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status is one of RECEIVED, REJECTED, ACCEPTED, ASSIGNED, PROCESSING, DONE, "
                    + "RECALL_REQUESTED, RECALL_ACCEPTED, RECALL_REFUSED");
        }
    }

    private static BusinessType businessType(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT);
        try {
            return t.matches("\\d") ? BusinessType.ofCode(Integer.parseInt(t)) : BusinessType.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("type is RECALL, UPDATE or REPLACE");
        }
    }

    private static Priority priority(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Priority.valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("priority is NORMAL, URGENT, VERY_URGENT or EXPRESS");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field + " must be a date as YYYY-MM-DD");
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw ApiException.invalid("the upload of '" + f.getName() + "' could not be read");
        }
    }

    /** Header values must be ASCII; the identifier is, except for exotic notations. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "_");
    }
}
