package vn.kyso.exchange.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.core.VietnamTime;
import vn.kyso.exchange.Attachment;
import vn.kyso.exchange.BusinessType;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.MessageHeader;
import vn.kyso.exchange.Organ;
import vn.kyso.exchange.Priority;
import vn.kyso.exchange.StatusCode;

/**
 * Writes and reads the edXML elements (docs/edxml.md lists which are confirmed and which assumed).
 * The root {@code edXML} declares the edXML namespace as default, the envelope's elements carry the
 * {@code edXML:} prefix, and {@code AttachmentEncoded} follows the envelope, unprefixed, in the same
 * namespace.
 */
final class EdxmlFormat {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String PREFIX = "edXML:";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    /** Our extension: the SHA-256 of each attachment in its manifest reference, so the signed header binds the files. */
    static final String KYSO_NS = "urn:kyso:edxml:1";
    static final ZoneOffset VIETNAM = VietnamTime.OFFSET;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    private EdxmlFormat() {
    }

    /** One attachment as carried: its content id and the file. */
    record Carried(String contentId, String sha256, Attachment file) {
    }

    // ---------------------------------------------------------------- writing

    /** The edXML root and envelope of a new message; returns its (empty) {@code edXMLHeader}. */
    private static Element header(Document d) {
        Element root = d.createElementNS(NS, "edXML");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", NS);
        d.appendChild(root);
        Element envelope = add(root, "edXMLEnvelope");
        envelope.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:edXML", NS);
        return add(envelope, "edXMLHeader");
    }

    /**
     * A message: {@code MessageHeader} in the SDK's order (From, To, Code, PromulgationInfo, DocumentType,
     * Subject, Content, SignerInfo, DueDate, ToPlaces, OtherInfo, SteeringType, DocumentId), then
     * {@code TraceHeaderList} (TraceHeader, Bussiness) and an empty {@code DigitalSignature} that the
     * signature is put into once made ({@link SignaturePlacement}).
     */
    static Document message(MessageHeader h, List<Carried> files, ZonedDateTime now) {
        Document d = SafeXml.newDocument();
        Element header = header(d);
        Element envelope = (Element) header.getParentNode();
        Element root = d.getDocumentElement();
        Element mh = add(header, "MessageHeader");
        organ(add(mh, "From"), h.from());
        for (Organ to : h.to()) {
            organ(add(mh, "To"), to);
        }
        Element code = add(mh, "Code");
        add(code, "CodeNumber", h.codeNumber());
        add(code, "CodeNotation", h.codeNotation());
        Element promulgation = add(mh, "PromulgationInfo");
        add(promulgation, "Place", h.place());
        add(promulgation, "PromulgationDate", DATE.format(h.promulgationDate()));
        Element type = add(mh, "DocumentType");
        if (h.documentTypeCode() != null) {
            add(type, "Type", Integer.toString(h.documentTypeCode()));
        }
        add(type, "TypeName", h.documentType());
        add(mh, "Subject", h.subject());
        add(mh, "Content", h.content() != null ? h.content() : h.subject());
        Element signer = add(mh, "SignerInfo");
        if (h.signerPosition() != null) {
            add(signer, "Position", h.signerPosition());
        }
        add(signer, "FullName", h.signerFullName());
        if (h.dueDate() != null) {
            add(mh, "DueDate", DATE.format(h.dueDate()));
        }
        Element places = add(mh, "ToPlaces");
        for (String p : h.toPlaces()) {
            add(places, "Place", p);
        }
        Element other = add(mh, "OtherInfo");
        add(other, "Priority", Integer.toString(h.priority().code()));
        add(mh, "SteeringType", "0");
        add(mh, "DocumentId", h.documentId());
        Element trace = add(header, "TraceHeaderList");
        Element th = add(trace, "TraceHeader");
        add(th, "OrganId", h.from().organId());
        add(th, "Timestamp", TIMESTAMP.format(now.withZoneSameInstant(VIETNAM)));
        Element business = add(trace, "Bussiness");
        add(business, "BussinessDocType", Integer.toString(h.business().code()));
        add(business, "BussinessDocReason", h.businessReason() != null ? h.businessReason()
                : h.business().vietnamese());
        add(business, "DocumentId", h.businessDocumentId());
        add(business, "Paper", "0");
        if (h.business() == BusinessType.REPLACE) {
            // As the SDK writes it (ReplacementInfo(documentId, OrganIdList)): the letter replaced and
            // the agencies the replacement is for, here every receiver of the message.
            Element info = add(add(business, "ReplacementInfoList"), "ReplacementInfo");
            add(info, "DocumentId", h.businessDocumentId());
            Element organs = add(info, "OrganIdList");
            for (Organ o : h.to()) {
                add(organs, "OrganId", o.organId());
            }
        }
        add(header, "DigitalSignature");
        Element body = add(envelope, "edXMLBody");
        Element manifest = add(body, "edXMLManifest");
        manifest.setAttribute("version", "1.0");
        for (Carried c : files) {
            Element ref = add(manifest, "Reference");
            ref.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", XLINK_NS);
            ref.setAttributeNS(XLINK_NS, "xlink:href", "cid:" + c.contentId());
            ref.setAttributeNS(XLINK_NS, "xlink:type", "simple");
            add(ref, "AttachmentName", c.file().name());
            add(ref, "ContentType", c.file().contentType());
            add(ref, "ContentId", "cid:" + c.contentId());
            Element digest = d.createElementNS(KYSO_NS, "kyso:Sha256");
            digest.setTextContent(c.sha256());
            ref.appendChild(digest);
        }
        Element encoded = d.createElementNS(NS, "AttachmentEncoded");
        root.appendChild(encoded);
        for (Carried c : files) {
            Element a = plain(encoded, "Attachment");
            plain(a, "ContentType").setTextContent(c.file().contentType());
            plain(a, "ContentId").setTextContent(c.contentId());
            plain(a, "AttachmentName").setTextContent(c.file().name());
            plain(a, "ContentTransferEncoded").setTextContent(Base64.getEncoder().encodeToString(c.file().content()));
        }
        return d;
    }

    /** A {@code Status} message (edXML root, envelope, header, Status). */
    static Document status(Organ from, String responseToOrganId, String code, String promulgationDate,
            String documentId, StatusCode status, String description, String staff, String department,
            ZonedDateTime now) {
        Document d = SafeXml.newDocument();
        Element header = header(d);
        Element s = add(header, "Status");
        Element responseFor = add(s, "ResponseFor");
        add(responseFor, "OrganId", nz(responseToOrganId));
        add(responseFor, "Code", nz(code));
        add(responseFor, "PromulgationDate", nz(promulgationDate));
        add(responseFor, "DocumentId", nz(documentId));
        organ(add(s, "From"), from);
        add(s, "StatusCode", status.code());
        add(s, "Description", nz(description));
        add(s, "Timestamp", TIMESTAMP.format(now.withZoneSameInstant(VIETNAM)));
        Element staffInfo = add(s, "StaffInfo");
        add(staffInfo, "Department", nz(department));
        add(staffInfo, "Staff", nz(staff));
        add(header, "DigitalSignature");
        return d;
    }

    private static void organ(Element parent, Organ o) {
        add(parent, "OrganId", o.organId());
        add(parent, "OrganName", o.organName());
    }

    private static Element add(Element parent, String localName) {
        Element e = parent.getOwnerDocument().createElementNS(NS, PREFIX + localName);
        parent.appendChild(e);
        return e;
    }

    private static Element add(Element parent, String localName, String text) {
        Element e = add(parent, localName);
        e.setTextContent(text);
        return e;
    }

    private static Element plain(Element parent, String localName) {
        Element e = parent.getOwnerDocument().createElementNS(NS, localName);
        parent.appendChild(e);
        return e;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- reading

    /** The edXMLEnvelope of a parsed message, checking the root. */
    static Element envelope(Document d) {
        Element root = d.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            throw new Rejected(ExchangeError.NOT_EDXML, "the root element is not edXML in namespace " + NS);
        }
        return SafeXml.one(root, NS, "edXMLEnvelope", ExchangeError.NOT_EDXML);
    }

    static Element messageHeader(Element envelope) {
        Element header = SafeXml.one(envelope, NS, "edXMLHeader", ExchangeError.NOT_EDXML);
        return SafeXml.one(header, NS, "MessageHeader", ExchangeError.NOT_EDXML);
    }

    /** The DocumentId if the header has one, for a status message about a message refused early. */
    static String documentIdOrNull(Document d) {
        try {
            return SafeXml.text(messageHeader(envelope(d)), NS, "DocumentId");
        } catch (Rejected e) {
            return null;
        }
    }

    static MessageHeader readHeader(Element mh) {
        Element trace = traceHeaderList(mh);
        Organ from = readOrgan(SafeXml.one(mh, NS, "From", ExchangeError.HEADER_INVALID));
        List<Organ> to = new ArrayList<>();
        for (Element e : SafeXml.children(mh, NS, "To")) {
            to.add(readOrgan(e));
        }
        if (to.isEmpty()) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "the header names no receiver (To)");
        }
        Element code = SafeXml.one(mh, NS, "Code", ExchangeError.HEADER_INVALID);
        String number = required(code, "CodeNumber");
        String notation = required(code, "CodeNotation");
        if (!(number + "/" + notation).matches("\\d{1,7}/[\\p{L}\\p{N}./-]{1,60}")) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "CodeNumber/CodeNotation is not a number and symbol");
        }
        Element promulgation = SafeXml.one(mh, NS, "PromulgationInfo", ExchangeError.HEADER_INVALID);
        LocalDate date = date(required(promulgation, "PromulgationDate"), "PromulgationDate");
        if (date.isAfter(LocalDate.now(VIETNAM).plusDays(1)) || date.getYear() < 1945) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "PromulgationDate is out of range");
        }
        Element type = SafeXml.one(mh, NS, "DocumentType", ExchangeError.HEADER_INVALID);
        String typeName = required(type, "TypeName");
        String typeCode = SafeXml.text(type, NS, "Type");
        String dueText = SafeXml.text(mh, NS, "DueDate");
        Priority priority = Priority.NORMAL;
        List<Element> other = SafeXml.children(mh, NS, "OtherInfo");
        if (other.size() == 1) {
            String p = SafeXml.text(other.get(0), NS, "Priority");
            if (p != null && p.matches("\\d{1,2}")) {
                priority = Priority.ofCode(Integer.parseInt(p));
            }
        }
        List<String> places = new ArrayList<>();
        for (Element tp : SafeXml.children(mh, NS, "ToPlaces")) {
            for (Element p : SafeXml.children(tp, NS, "Place")) {
                String t = p.getTextContent().strip();
                if (!t.isEmpty()) {
                    places.add(t);
                }
            }
        }
        Element signer = SafeXml.one(mh, NS, "SignerInfo", ExchangeError.HEADER_INVALID);
        String position = SafeXml.text(signer, NS, "Position");
        String content = SafeXml.text(mh, NS, "Content");
        Business business = business(trace);
        return new MessageHeader(required(mh, "DocumentId"), from, to, number, notation,
                required(promulgation, "Place"), date, limit(typeName, 100, "TypeName"),
                limit(required(mh, "Subject"), 2000, "Subject"), limit(required(signer, "FullName"), 200, "FullName"),
                dueText == null ? null : date(dueText, "DueDate"), priority, places,
                typeCode != null && typeCode.matches("\\d{1,3}") ? Integer.valueOf(typeCode) : null,
                content == null ? null : limit(content, 10_000, "Content"),
                position == null ? null : limit(position, 200, "Position"), business.type(), business.reason(),
                business.documentId());
    }

    private record Business(BusinessType type, String reason, String documentId) {
    }

    /** {@code TraceHeaderList/Bussiness}; a message without one is a new letter. */
    private static Business business(Element trace) {
        List<Element> all = trace == null ? List.of() : SafeXml.children(trace, NS, "Bussiness");
        if (all.isEmpty()) {
            return new Business(BusinessType.NEW, null, null);
        }
        if (all.size() > 1) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "the message has more than one Bussiness");
        }
        String code = SafeXml.text(all.get(0), NS, "BussinessDocType");
        BusinessType type;
        try {
            type = code == null ? BusinessType.NEW : BusinessType.ofCode(Integer.parseInt(code.strip()));
        } catch (IllegalArgumentException e) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "BussinessDocType is not 0, 1, 2 or 3");
        }
        String reason = SafeXml.text(all.get(0), NS, "BussinessDocReason");
        String documentId = SafeXml.text(all.get(0), NS, "DocumentId");
        List<String> replaced = replacedDocumentIds(all.get(0));
        if (type == BusinessType.REPLACE && !replaced.isEmpty() && documentId != null
                && !replaced.contains(documentId.strip())) {
            throw new Rejected(ExchangeError.HEADER_INVALID,
                    "ReplacementInfoList does not name the letter Bussiness/DocumentId replaces");
        }
        return new Business(type, reason == null ? null : limit(reason, 2000, "BussinessDocReason"),
                documentId == null ? null : limit(documentId, 300, "Bussiness/DocumentId"));
    }

    /**
     * The {@code DocumentId}s of {@code Bussiness/ReplacementInfoList}: optional (the SDK makes it so,
     * and senders other than this service may leave it out), bounded like the rest of the header.
     */
    private static List<String> replacedDocumentIds(Element business) {
        List<String> ids = new ArrayList<>();
        for (Element list : SafeXml.children(business, NS, "ReplacementInfoList")) {
            for (Element info : SafeXml.children(list, NS, "ReplacementInfo")) {
                String id = SafeXml.text(info, NS, "DocumentId");
                if (id != null) {
                    ids.add(limit(id.strip(), 300, "ReplacementInfo/DocumentId"));
                }
                if (ids.size() > 50) {
                    throw new Rejected(ExchangeError.HEADER_INVALID, "ReplacementInfoList has more than 50 entries");
                }
            }
        }
        return ids;
    }

    /** The {@code TraceHeaderList} of a message, or null. */
    static Element traceHeaderList(Element messageHeader) {
        List<Element> l = SafeXml.children((Element) messageHeader.getParentNode(), NS, "TraceHeaderList");
        return l.size() == 1 ? l.get(0) : null;
    }

    /** The manifest's references, in order. */
    static List<Element> manifestReferences(Element envelope) {
        Element body = SafeXml.one(envelope, NS, "edXMLBody", ExchangeError.NOT_EDXML);
        Element manifest = SafeXml.one(body, NS, "edXMLManifest", ExchangeError.NOT_EDXML);
        return SafeXml.children(manifest, NS, "Reference");
    }

    static String contentId(String value) {
        String v = value == null ? "" : value.strip();
        return v.regionMatches(true, 0, "cid:", 0, 4) ? v.substring(4) : v;
    }

    private static Organ readOrgan(Element e) {
        try {
            return new Organ(required(e, "OrganId"), SafeXml.text(e, NS, "OrganName"));
        } catch (IllegalArgumentException ex) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "invalid " + e.getLocalName() + ": " + ex.getMessage());
        }
    }

    private static String required(Element parent, String localName) {
        String t = SafeXml.text(parent, NS, localName);
        if (t == null) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "the header has no " + localName);
        }
        return t;
    }

    private static String limit(String value, int max, String name) {
        if (value.length() > max) {
            throw new Rejected(ExchangeError.HEADER_INVALID, name + " is longer than " + max + " characters");
        }
        return value;
    }

    /** yyyy/MM/dd as written; yyyy-MM-dd and dd/MM/yyyy seen in the wild are read too. */
    static LocalDate date(String text, String name) {
        String t = text.strip();
        if (t.length() > 10) {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : List.of(DATE, DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT))) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new Rejected(ExchangeError.HEADER_INVALID, name + " is not a date (yyyy/MM/dd)");
    }
}
