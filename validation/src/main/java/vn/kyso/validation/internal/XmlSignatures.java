package vn.kyso.validation.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.core.VietnamTime;

/**
 * What DSS's diagnostic data does not say about the ds:Signature elements of an XML document: where
 * each reference points (inside the document or to a file beside it), which element it names, and the
 * signing time a plain XMLDSig carries in its SignatureProperties (Vietnamese e-invoices do). Read from
 * a DOM built without DTDs; the input has passed {@link XmlGuard} already.
 */
final class XmlSignatures {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XADES_132 = "http://uri.etsi.org/01903/v1.3.2#";
    private static final String XADES_141 = "http://uri.etsi.org/01903/v1.4.1#";

    /**
     * One ds:Signature.
     *
     * @param signatureValue the decoded SignatureValue, to match DSS's signature by
     * @param xades          true if it carries XAdES qualifying properties
     * @param references     its SignedInfo references, in order
     * @param signingTime    the SigningTime of its SignatureProperties, if it has one
     * @param sha1           true if its signature method uses SHA-1
     * @param keyInfoSigner  for a plain XMLDSig, the certificate of its KeyInfo whose key verifies the
     *                       SignatureValue over the SignedInfo (the references aside); null if none does,
     *                       KeyInfo has none, or the signature is XAdES
     */
    record Sig(String id, byte[] signatureValue, boolean xades, List<Ref> references, Instant signingTime,
            boolean sha1, X509Certificate keyInfoSigner) {

        boolean hasExternalReference() {
            return references.stream().anyMatch(Ref::external);
        }

        /** Enveloping: every reference to data points into the signature's own ds:Object. */
        boolean enveloping() {
            List<Ref> data = references.stream().filter(r -> !r.property()).toList();
            return !data.isEmpty() && data.stream().allMatch(Ref::insideSignature);
        }
    }

    /**
     * @param uri       as written
     * @param external  true if it names data outside the document (a file beside it)
     * @param element   local name of the element it resolves to in the document, or null
     * @param property true if it covers the signature's own properties (XAdES SignedProperties, an
     *                 XMLDSig SignatureProperties object such as an e-invoice's signing time) rather than
     *                 the document's data
     * @param insideSignature true if the data is in the signature's own ds:Object (enveloping)
     */
    record Ref(String uri, boolean external, String element, boolean property, boolean insideSignature) {
    }

    private final List<Sig> signatures;

    private XmlSignatures(List<Sig> signatures) {
        this.signatures = signatures;
    }

    static XmlSignatures of(byte[] xml) {
        try {
            return new XmlSignatures(read(parse(xml)));
        } catch (Exception e) {
            // DSS has read the same bytes; if we cannot, we know nothing more than DSS does.
            return new XmlSignatures(List.of());
        }
    }

    List<Sig> all() {
        return signatures;
    }

    /** The ds:Signature whose SignatureValue is these bytes. */
    Optional<Sig> byValue(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        return signatures.stream().filter(s -> java.util.Arrays.equals(s.signatureValue(), value)).findFirst();
    }

    /** True if some signature references data outside the document, which a verifier must be given. */
    boolean anyExternalReference() {
        return signatures.stream().anyMatch(Sig::hasExternalReference);
    }

    private static List<Sig> read(Document doc) {
        Map<String, Element> ids = new HashMap<>();
        index(doc.getDocumentElement(), ids);
        List<Sig> out = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS(DS, "Signature");
        for (int i = 0; i < list.getLength(); i++) {
            out.add(signature((Element) list.item(i), ids));
        }
        return out;
    }

    private static Sig signature(Element signature, Map<String, Element> ids) {
        List<Ref> refs = new ArrayList<>();
        Element signedInfo = child(signature, DS, "SignedInfo");
        boolean sha1 = false;
        if (signedInfo != null) {
            Element method = child(signedInfo, DS, "SignatureMethod");
            sha1 = method != null && method.getAttribute("Algorithm").toLowerCase().contains("sha1");
            for (Element r : children(signedInfo, DS, "Reference")) {
                refs.add(reference(r, signature, ids));
            }
        }
        Element valueElement = child(signature, DS, "SignatureValue");
        byte[] value = null;
        if (valueElement != null) {
            try {
                value = Base64.getMimeDecoder().decode(valueElement.getTextContent().strip());
            } catch (IllegalArgumentException e) {
                value = null;
            }
        }
        boolean xades = signature.getElementsByTagNameNS(XADES_132, "QualifyingProperties").getLength() > 0
                || signature.getElementsByTagNameNS(XADES_141, "QualifyingProperties").getLength() > 0;
        String id = signature.hasAttribute("Id") ? signature.getAttribute("Id") : null;
        // DSS identifies a XAdES signer by its signing-certificate reference; only plain XMLDSig needs ours
        return new Sig(id, value, xades, List.copyOf(refs), signingTime(signature), sha1,
                xades ? null : keyInfoSigner(signature));
    }

    /**
     * The KeyInfo certificate that verifies the SignedInfo. DSS identifies the signer of a signature
     * without a signing-certificate reference with Santuario's checkSignatureValue, which fails when a
     * reference's digest does; a changed document then shows as "no signing certificate found", and the
     * signer as unknown. The SignedInfo alone tells who signed.
     */
    private static X509Certificate keyInfoSigner(Element signature) {
        try {
            org.apache.xml.security.Init.init();
            XMLSignature xs = new XMLSignature(signature, "", true);
            SignedInfo si = xs.getSignedInfo();
            byte[] signed = si.getCanonicalizedOctetStream();
            byte[] value = xs.getSignatureValue();
            for (X509Certificate candidate : keyInfoCertificates(signature)) {
                SignatureAlgorithm algorithm = new SignatureAlgorithm(si.getSignatureMethodElement(), "", true);
                algorithm.initVerify(candidate.getPublicKey());
                algorithm.update(signed);
                if (algorithm.verify(value)) {
                    return candidate;
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<X509Certificate> keyInfoCertificates(Element signature) throws Exception {
        List<X509Certificate> out = new ArrayList<>();
        Element keyInfo = child(signature, DS, "KeyInfo");
        if (keyInfo == null) {
            return out;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        NodeList certificates = keyInfo.getElementsByTagNameNS(DS, "X509Certificate");
        for (int i = 0; i < certificates.getLength(); i++) {
            byte[] der = Base64.getMimeDecoder().decode(certificates.item(i).getTextContent().strip());
            out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return out;
    }

    private static Ref reference(Element r, Element signature, Map<String, Element> ids) {
        String uri = r.hasAttribute("URI") ? r.getAttribute("URI") : null;
        // No URI (the application knows the data), "" (the whole document) and "#…" are inside the file.
        boolean external = uri != null && !uri.isEmpty() && !uri.startsWith("#");
        if (external || uri == null) {
            return new Ref(uri, external, null, false, false);
        }
        if (uri.isEmpty() || uri.equals("#") || uri.startsWith("#xpointer(/)")) {
            Element root = signature.getOwnerDocument().getDocumentElement();
            return new Ref(uri, false, root.getLocalName() != null ? root.getLocalName() : root.getTagName(), false,
                    false);
        }
        String id = uri.startsWith("#xpointer(id(") ? uri.replaceAll("^#xpointer\\(id\\(['\"]?|['\"]?\\)\\)$", "")
                : uri.substring(1);
        Element target = ids.get(id);
        if (target == null) {
            return new Ref(uri, false, null, false, false);
        }
        String name = target.getLocalName() != null ? target.getLocalName() : target.getTagName();
        boolean inside = isWithin(target, signature);
        return new Ref(uri, false, name, inside && isProperty(target), inside && !isProperty(target));
    }

    private static boolean isProperty(Element target) {
        String name = target.getLocalName();
        if ("SignedProperties".equals(name) || "SignatureProperties".equals(name) || "KeyInfo".equals(name)) {
            return true;
        }
        if (!"Object".equals(name)) {
            return false;
        }
        for (Node n = target.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"SignatureProperties".equals(e.getLocalName())
                    && !"QualifyingProperties".equals(e.getLocalName())) {
                return false;
            }
        }
        return true;
    }

    /** SignatureProperties/SignatureProperty/SigningTime in any namespace (issuers differ). */
    private static Instant signingTime(Element signature) {
        NodeList properties = signature.getElementsByTagNameNS(DS, "SignatureProperty");
        for (int i = 0; i < properties.getLength(); i++) {
            for (Node n = properties.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "SigningTime".equals(e.getLocalName())) {
                    Instant t = time(e.getTextContent().strip());
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // invoicing software writes SigningTime without a zone; in Vietnam that is Vietnam time
                return LocalDateTime.parse(text).atZone(VietnamTime.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static void index(Element e, Map<String, Element> ids) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (name.equals("Id") || name.equals("ID") || name.equals("id")) {
                ids.putIfAbsent(a.getNodeValue(), e);
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                index(c, ids);
            }
        }
    }

    private static boolean isWithin(Node node, Element ancestor) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static Element child(Element parent, String ns, String name) {
        List<Element> c = children(parent, ns, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
