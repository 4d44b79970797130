package vn.kyso.exchange.internal;

import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.kyso.exchange.ExchangeError;
import vn.kyso.exchange.ExchangeException;

/**
 * Where the message's signature sits. The SDK carries it in {@code edXMLHeader/DigitalSignature}; the
 * signing service writes an enveloped XAdES signature as the root's last child. The signature's one
 * reference is {@code URI=""} with the enveloped-signature transform, and every canonicalisation is
 * exclusive, so moving the {@code ds:Signature} element from the root into the (empty)
 * {@code DigitalSignature} changes nothing any digest or the signature value covers: the document without
 * the signature is the same either way, and exclusive canonicalisation ignores the new ancestors'
 * namespaces. The tests validate the moved signature with the validator.
 */
final class SignaturePlacement {

    private SignaturePlacement() {
    }

    /** The signed bytes with the signature moved into {@code edXMLHeader/DigitalSignature}. */
    static byte[] intoHeader(byte[] signed) {
        Document d = SafeXml.parse(signed);
        Element root = d.getDocumentElement();
        List<Element> signatures = SafeXml.children(root, SignatureCheck.DS, "Signature");
        Element slot = slot(root);
        if (signatures.size() != 1 || slot == null || slot.hasChildNodes()) {
            throw new ExchangeException(ExchangeError.EXCHANGE_FAILED,
                    "the signed message does not have the shape to carry its signature in DigitalSignature");
        }
        slot.appendChild(root.removeChild(signatures.get(0)));
        return SafeXml.serialize(d, false);
    }

    /** {@code edXMLEnvelope/edXMLHeader/DigitalSignature} of the root, or null. */
    static Element slot(Element root) {
        List<Element> envelope = SafeXml.children(root, EdxmlFormat.NS, "edXMLEnvelope");
        if (envelope.size() != 1) {
            return null;
        }
        List<Element> header = SafeXml.children(envelope.get(0), EdxmlFormat.NS, "edXMLHeader");
        if (header.size() != 1) {
            return null;
        }
        List<Element> slot = SafeXml.children(header.get(0), EdxmlFormat.NS, "DigitalSignature");
        return slot.size() == 1 ? slot.get(0) : null;
    }

    /** Whether the signature sits where one may: in the header's DigitalSignature, or as the root's child. */
    static boolean allowedParent(Node parent, Element root) {
        return parent == root || parent != null && parent == slot(root);
    }
}
