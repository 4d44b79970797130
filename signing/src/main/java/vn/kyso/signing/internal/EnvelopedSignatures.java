package vn.kyso.signing.internal;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Finds XML signatures that a new enveloped signature would break. A signature whose reference covers
 * the whole document through the enveloped-signature transform removes only itself, so anything added
 * later, another signature included, changes what it signed. (DSS's default XPath Filter 2.0 transform
 * removed every signature, which common stacks refuse; see docs/xml-jose-signatures.md.)
 */
final class EnvelopedSignatures {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private EnvelopedSignatures() {
    }

    /** True if the document has a signature over the whole document with the enveloped-signature transform. */
    static boolean wouldBreak(byte[] xml) {
        Document doc;
        try {
            doc = parse(xml);
        } catch (Exception e) {
            return false; // DSS reports the unreadable document in its own terms
        }
        String rootId = doc.getDocumentElement().getAttribute("Id");
        NodeList references = doc.getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element r = (Element) references.item(i);
            String uri = r.getAttribute("URI");
            boolean whole = r.hasAttribute("URI") && (uri.isEmpty() || !rootId.isEmpty() && uri.equals("#" + rootId));
            if (whole && hasEnvelopedTransform(r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEnvelopedTransform(Element reference) {
        NodeList transforms = reference.getElementsByTagNameNS(DS, "Transform");
        for (int i = 0; i < transforms.getLength(); i++) {
            if (ENVELOPED.equals(((Element) transforms.item(i)).getAttribute("Algorithm"))) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
