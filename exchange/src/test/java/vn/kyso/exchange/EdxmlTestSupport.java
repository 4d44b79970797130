package vn.kyso.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.signing.Appearance;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.Packaging;
import vn.kyso.signing.SignOptions;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SignatureLevel;
import vn.kyso.validation.ValidationFixture;

/** Builds the hostile packages of the tests: re-signed after a change, unsigned, wrapped. */
final class EdxmlTestSupport {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final Organ UBND = new Organ("000.00.00.H99", "Ủy ban nhân dân tỉnh Bình An");
    static final Organ SO_NOI_VU = new Organ("000.00.12.H99", "Sở Nội vụ tỉnh Bình An");

    private EdxmlTestSupport() {
    }

    static OutgoingRequest letterTo(Organ to, byte[] signedPdf) {
        return new OutgoingRequest(UBND, List.of(to), "123", "UBND-VP", "Bình An", LocalDate.of(2026, 11, 20),
                "Công văn", "Về việc triển khai văn bản điện tử liên thông", null, null, "Chủ tịch",
                LocalDate.of(2026, 12, 5), Priority.URGENT, List.of(),
                List.of(new Attachment("123-UBND-VP.pdf", "application/pdf", signedPdf)), null);
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] write(Document d) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strips the signature, applies the change, and signs again with {@code key} (or leaves it unsigned). */
    static byte[] resign(byte[] edxml, Consumer<Document> change, String key) {
        Document d = parse(edxml);
        Element signature = (Element) d.getElementsByTagNameNS(DS, "Signature").item(0);
        signature.getParentNode().removeChild(signature);
        change.accept(d);
        byte[] unsigned = write(d);
        if (key == null) {
            return unsigned;
        }
        SignOptions options = new SignOptions(SignatureFormat.XADES, SignatureLevel.B_T, Packaging.ENVELOPED,
                Appearance.NONE, null, null, null, DigestAlgorithm.SHA256, null);
        return ValidationFixture.signer().sign(new SignRequest(new vn.kyso.signing.Document("m.xml", unsigned), key,
                options)).content();
    }

    static Element first(Node scope, String ns, String localName) {
        NodeList l = scope instanceof Document doc ? doc.getElementsByTagNameNS(ns, localName)
                : ((Element) scope).getElementsByTagNameNS(ns, localName);
        return (Element) l.item(0);
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
