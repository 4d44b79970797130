package vn.kyso.exchange.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.exchange.ExchangeError;

/**
 * The shape a message's signature must have before its cryptography is even looked at, so that what
 * was verified is what is read (signature wrapping): exactly one {@code ds:Signature}, in
 * {@code edXMLHeader/DigitalSignature} (the SDK's place) or a child of the root; no Id used twice;
 * exactly one reference to the data, and it is the whole document
 * ({@code URI=""}, or {@code #id} of the root) with the enveloped transform (enveloped-signature, or
 * the exact XPath Filter 2.0 subtraction of {@code ds:Signature} that DSS writes) and nothing but
 * canonicalisation besides (any other XPath or XSLT transform could leave the header out); every other
 * reference points inside the signature itself (XAdES signed properties).
 */
final class SignatureCheck {

    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    private static final Set<String> CANONICALISATION = Set.of(
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments");

    private SignatureCheck() {
    }

    static void check(Document d) {
        Element root = d.getDocumentElement();
        NodeList signatures = d.getElementsByTagNameNS(DS, "Signature");
        if (signatures.getLength() == 0) {
            throw new Rejected(ExchangeError.UNSIGNED, "the message carries no XML signature");
        }
        if (signatures.getLength() > 1) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                    "the message carries " + signatures.getLength() + " XML signatures; exactly one is allowed");
        }
        Element signature = (Element) signatures.item(0);
        if (!SignaturePlacement.allowedParent(signature.getParentNode(), root)) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                    "the signature is neither in edXMLHeader/DigitalSignature nor a child of the message's root");
        }
        Map<String, Element> ids = ids(root);
        Element signedInfo = SafeXml.one(signature, DS, "SignedInfo", ExchangeError.SIGNATURE_WRAPPING);
        List<Element> references = SafeXml.children(signedInfo, DS, "Reference");
        int wholeDocument = 0;
        for (Element reference : references) {
            if (!reference.hasAttribute("URI")) {
                throw new Rejected(ExchangeError.SIGNATURE_WRAPPING, "a signature reference has no URI");
            }
            String uri = reference.getAttribute("URI");
            boolean toRoot = uri.isEmpty() || (uri.startsWith("#") && ids.get(uri.substring(1)) == root);
            if (toRoot) {
                requireEnvelopedOnly(reference);
                wholeDocument++;
            } else if (uri.startsWith("#")) {
                Element target = ids.get(uri.substring(1));
                if (target == null || !inside(target, signature)) {
                    throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                            "the signature references a part of the message instead of the whole message");
                }
            } else {
                throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                        "the signature references data outside the message");
            }
        }
        if (wholeDocument != 1) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                    "the signature must reference the whole message exactly once");
        }
    }

    private static void requireEnvelopedOnly(Element reference) {
        boolean enveloped = false;
        for (Element transforms : SafeXml.children(reference, DS, "Transforms")) {
            for (Element t : SafeXml.children(transforms, DS, "Transform")) {
                String algorithm = t.getAttribute("Algorithm");
                if (ENVELOPED.equals(algorithm) || (FILTER2.equals(algorithm) && subtractsSignaturesOnly(t))) {
                    enveloped = true;
                } else if (!CANONICALISATION.contains(algorithm)) {
                    throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                            "the signature transforms the message before digesting it (" + algorithm + ")");
                }
            }
        }
        if (!enveloped) {
            throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                    "the reference to the message lacks the enveloped-signature transform or uses another filter");
        }
    }

    /**
     * DSS writes the enveloped transform as XPath Filter 2.0 subtracting {@code /descendant::ds:Signature}:
     * with exactly one signature in the message that removes the signature and nothing else. Any other
     * filter could leave signed content out, so only this exact one is accepted.
     */
    private static boolean subtractsSignaturesOnly(Element transform) {
        List<Element> paths = SafeXml.children(transform, FILTER2, "XPath");
        if (paths.size() != 1) {
            return false;
        }
        Element xpath = paths.get(0);
        String expression = xpath.getTextContent().strip();
        if (!"subtract".equals(xpath.getAttribute("Filter")) || !expression.endsWith(":Signature")) {
            return false;
        }
        String prefix = expression.substring(0, expression.length() - ":Signature".length());
        return prefix.startsWith("/descendant::")
                && DS.equals(xpath.lookupNamespaceURI(prefix.substring("/descendant::".length())));
    }

    /** Every Id, ID or id attribute; an identifier used twice is refused. */
    private static Map<String, Element> ids(Element root) {
        Map<String, Element> ids = new HashMap<>();
        collect(root, ids);
        return ids;
    }

    private static void collect(Element e, Map<String, Element> ids) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getName();
            if (name.equalsIgnoreCase("id") && !"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                if (ids.putIfAbsent(a.getValue(), e) != null) {
                    throw new Rejected(ExchangeError.SIGNATURE_WRAPPING,
                            "the identifier '" + shorten(a.getValue()) + "' is used more than once");
                }
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collect(child, ids);
            }
        }
    }

    private static boolean inside(Node node, Element ancestor) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
