package vn.kyso.validation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.kyso.validation.Explanation;

/**
 * XML signature wrapping, which DSS lets through when the signed data is still where the reference finds
 * it: an Id a reference names that occurs twice (the verifier hashes one element, a reader shows the
 * other), and, around an enveloping signature, content no reference covers (a second ds:Object or an
 * element beside the Signature) that a reader takes for the signed document. Both are tampering.
 */
final class XmlWrapping {

    static final String XML_SIGNATURE_WRAPPING = "XML_SIGNATURE_WRAPPING";
    static final String XML_UNSIGNED_CONTENT = "XML_UNSIGNED_CONTENT";
    static final Set<String> CODES = Set.of(XML_SIGNATURE_WRAPPING, XML_UNSIGNED_CONTENT);

    private XmlWrapping() {
    }

    static List<Explanation> of(byte[] xml) {
        Document doc;
        try {
            doc = XmlSignatures.parse(xml);
        } catch (Exception e) {
            // DSS has judged the same bytes; what we cannot parse we cannot add to
            return List.of();
        }
        NodeList signatures = doc.getElementsByTagNameNS(XmlSignatures.DS, "Signature");
        if (signatures.getLength() == 0) {
            return List.of();
        }
        Map<String, List<Element>> ids = new HashMap<>();
        index(doc.getDocumentElement(), ids);
        Set<String> duplicated = new LinkedHashSet<>();
        Set<String> unsigned = new LinkedHashSet<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            Element signature = (Element) signatures.item(i);
            List<Element> targets = new ArrayList<>();
            boolean wholeDocument = false;
            List<Element> references = references(signature);
            for (int r = 0; r < references.size(); r++) {
                Element reference = references.get(r);
                String id = idOf(reference);
                if (id == null) {
                    // no URI, an external file, or the whole document: nothing here to wrap
                    wholeDocument |= reference.hasAttribute("URI") && isWholeDocument(reference.getAttribute("URI"));
                    continue;
                }
                List<Element> named = ids.getOrDefault(id, List.of());
                if (named.size() > 1) {
                    duplicated.add(id);
                }
                targets.addAll(named);
                // a signed ds:Manifest signs what its own references name
                for (Element target : named) {
                    // each Reference element once: a manifest may name itself
                    manifestReferences(target).stream().filter(m -> !references.contains(m)).forEach(references::add);
                }
            }
            if (!wholeDocument && envelops(signature, targets)) {
                unsigned.addAll(uncovered(signature, targets));
            }
        }
        List<Explanation> out = new ArrayList<>();
        if (!duplicated.isEmpty()) {
            String list = String.join(", ", duplicated);
            out.add(new Explanation(XML_SIGNATURE_WRAPPING,
                    "Tấn công bọc chữ ký XML: mã định danh mà chữ ký tham chiếu (" + list + ") xuất hiện nhiều lần; "
                            + "phần được kiểm tra chữ ký có thể không phải phần được hiển thị.",
                    "XML signature wrapping: the Id a signature reference names (" + list + ") occurs more than "
                            + "once; the element verified may not be the one shown."));
        }
        if (!unsigned.isEmpty()) {
            String list = String.join(", ", unsigned);
            out.add(new Explanation(XML_UNSIGNED_CONTENT,
                    "Tệp XML có nội dung không được chữ ký bao phủ (" + list + "), nằm bên cạnh dữ liệu đã ký; "
                            + "nội dung này có thể được hiển thị thay cho văn bản đã ký.",
                    "The XML file carries content no signature covers (" + list + ") beside the signed data; "
                            + "it may be shown in place of the signed document."));
        }
        return out;
    }

    /** Enveloping: every data reference names an element inside the signature itself. */
    private static boolean envelops(Element signature, List<Element> targets) {
        return !targets.isEmpty() && targets.stream().allMatch(t -> within(t, signature));
    }

    /**
     * ds:Objects of the signature that hold data and no reference touches, and elements or text beside the
     * signature in its parent (other than further signatures).
     */
    private static List<String> uncovered(Element signature, List<Element> targets) {
        List<String> out = new ArrayList<>();
        int position = 0;
        for (Node n = signature.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XmlSignatures.DS.equals(e.getNamespaceURI())
                    && "Object".equals(e.getLocalName())) {
                position++;
                if (hasData(e) && !propertiesOnly(e) && !touched(e, targets)) {
                    out.add("ds:Object " + position + (e.hasAttribute("Id") ? " (#" + e.getAttribute("Id") + ")" : ""));
                }
            }
        }
        if (signature.getParentNode() instanceof Element parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && !(XmlSignatures.DS.equals(e.getNamespaceURI())
                        && "Signature".equals(e.getLocalName())) && !touched(e, targets)) {
                    out.add("<" + e.getTagName() + ">");
                } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                    out.add("text");
                }
            }
        }
        return out;
    }

    private static boolean touched(Element e, List<Element> targets) {
        return targets.stream().anyMatch(t -> within(t, e) || within(e, t));
    }

    private static boolean hasData(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element || n.getNodeType() != Node.COMMENT_NODE && !n.getNodeValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** XAdES qualifying properties or XMLDSig signature properties: the signature's own, not data. */
    private static boolean propertiesOnly(Element object) {
        boolean any = false;
        for (Node n = object.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                if (!"QualifyingProperties".equals(c.getLocalName())
                        && !"SignatureProperties".equals(c.getLocalName())) {
                    return false;
                }
                any = true;
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
                return false;
            }
        }
        return any;
    }

    private static List<Element> references(Element signature) {
        List<Element> out = new ArrayList<>();
        for (Node si = signature.getFirstChild(); si != null; si = si.getNextSibling()) {
            if (si instanceof Element s && XmlSignatures.DS.equals(s.getNamespaceURI())
                    && "SignedInfo".equals(s.getLocalName())) {
                for (Node r = s.getFirstChild(); r != null; r = r.getNextSibling()) {
                    if (r instanceof Element e && XmlSignatures.DS.equals(e.getNamespaceURI())
                            && "Reference".equals(e.getLocalName())) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    private static List<Element> manifestReferences(Element target) {
        List<Element> out = new ArrayList<>();
        NodeList manifests = target.getElementsByTagNameNS(XmlSignatures.DS, "Manifest");
        List<Element> all = new ArrayList<>();
        if (XmlSignatures.DS.equals(target.getNamespaceURI()) && "Manifest".equals(target.getLocalName())) {
            all.add(target);
        }
        for (int i = 0; i < manifests.getLength(); i++) {
            all.add((Element) manifests.item(i));
        }
        for (Element manifest : all) {
            for (Node r = manifest.getFirstChild(); r != null; r = r.getNextSibling()) {
                if (r instanceof Element e && XmlSignatures.DS.equals(e.getNamespaceURI())
                        && "Reference".equals(e.getLocalName())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static boolean isWholeDocument(String uri) {
        return uri.isEmpty() || uri.equals("#") || uri.startsWith("#xpointer(/)");
    }

    /** The Id a same-document reference names, or null for other references. */
    private static String idOf(Element reference) {
        if (!reference.hasAttribute("URI")) {
            return null;
        }
        String uri = reference.getAttribute("URI");
        if (!uri.startsWith("#") || isWholeDocument(uri)) {
            return null;
        }
        if (uri.startsWith("#xpointer(id(")) {
            return uri.replaceAll("^#xpointer\\(id\\(['\"]?|['\"]?\\)\\)$", "");
        }
        return uri.substring(1);
    }

    private static void index(Element e, Map<String, List<Element>> ids) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (name.equals("Id") || name.equals("ID") || name.equals("id")) {
                ids.computeIfAbsent(a.getNodeValue(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                index(c, ids);
            }
        }
    }

    private static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
