package vn.kyso.validation.internal;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.kyso.validation.ValidationError;
import vn.kyso.validation.ValidationException;

/**
 * One streaming pass over an XML document before DSS builds a DOM of it: refuses any DOCTYPE (the
 * carrier of external entities and entity expansion bombs, which DSS's parser refuses as well) and
 * nesting deeper than the limit, which would otherwise cost stack in DOM building and canonicalisation.
 */
final class XmlGuard {

    private static final XMLInputFactory FACTORY = secureFactory();

    private XmlGuard() {
    }

    static void check(byte[] content, InputLimits limits) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(content));
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new ValidationException(ValidationError.MALFORMED_DOCUMENT,
                            "XML documents with a DOCTYPE declaration are not accepted");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new ValidationException(
                            ValidationError.MALFORMED_DOCUMENT, "XML entity references are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > limits.maxXmlDepth()) {
                            throw new ValidationException(ValidationError.DOCUMENT_TOO_COMPLEX,
                                    "the XML document nests elements more than " + limits.maxXmlDepth() + " deep");
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(ValidationError.MALFORMED_DOCUMENT, "the XML document is not well-formed",
                    e);
        } finally {
            close(reader);
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that outlives the byte array
            }
        }
    }
}
