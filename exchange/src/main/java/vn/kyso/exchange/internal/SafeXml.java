package vn.kyso.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.kyso.exchange.ExchangeError;

/**
 * The only way this module reads XML: the JDK's parser with DOCTYPEs refused outright (no external
 * entities, no entity expansion bombs, no external DTD), secure processing on, XInclude off, and the
 * JDK's entity and depth limits set low. A message is parsed once; everything acts on that DOM.
 */
final class SafeXml {

    static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    static Document parse(byte[] bytes) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(QUIET);
            builder.setEntityResolver((publicId, systemId) -> {
                // Unreachable with DOCTYPEs refused; a second lock in case a parser ignores the feature.
                throw new SAXException("external entities are not accepted");
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE") || m.contains("entity") || m.contains("Entity")) {
                throw new Rejected(ExchangeError.FORBIDDEN_XML,
                        "DOCTYPE declarations and entities are not accepted in edXML messages");
            }
            if (m.contains("maxElementDepth") || m.contains("limit")) {
                throw new Rejected(ExchangeError.MALFORMED_MESSAGE, "the XML nests too deep or is too complex");
            }
            throw new Rejected(ExchangeError.MALFORMED_MESSAGE, "the message is not well-formed XML (line "
                    + e.getLineNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new Rejected(ExchangeError.MALFORMED_MESSAGE, "the message is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    static Document newDocument() {
        try {
            return factory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    static byte[] serialize(Document document) {
        return serialize(document, true);
    }

    /**
     * @param indent false for a signed document, where every whitespace node is signed content and must be
     *               written back exactly as it was read
     */
    static byte[] serialize(Document document, boolean indent) {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (indent) {
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    /** The element children of {@code parent} with this namespace and local name. */
    static List<Element> children(Node parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The one child element, or a rejection naming it. */
    static Element one(Node parent, String ns, String localName, ExchangeError reason) {
        List<Element> c = children(parent, ns, localName);
        if (c.size() != 1) {
            throw new Rejected(reason, (c.isEmpty() ? "missing element " : "more than one element ") + localName);
        }
        return c.get(0);
    }

    /** The text of the one optional child element, stripped; null when absent or empty. */
    static String text(Node parent, String ns, String localName) {
        List<Element> c = children(parent, ns, localName);
        if (c.size() > 1) {
            throw new Rejected(ExchangeError.HEADER_INVALID, "more than one element " + localName);
        }
        if (c.isEmpty()) {
            return null;
        }
        String t = c.get(0).getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.entityExpansionLimit", "64");
        f.setAttribute("jdk.xml.maxGeneralEntitySizeLimit", "4096");
        f.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
    }

    /** Errors become exceptions; nothing is printed to stderr. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
