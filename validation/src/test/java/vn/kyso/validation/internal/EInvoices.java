package vn.kyso.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.DemoIdentity;
import vn.kyso.demopki.DemoPki;

/**
 * Vietnamese e-invoices (hóa đơn điện tử, Circular 78/2021/TT-BTC, format of Decision 1450/QĐ-TCT) as
 * the invoicing software of sellers and the tax authority make them: an {@code HDon} whose data
 * ({@code DLHDon}, with an Id) the seller signs with a plain XMLDSig in {@code DSCKS/NBan}, and whose
 * tax-authority code ({@code MCCQT}) and data the tax authority signs in {@code DSCKS/CQT}. Each signature
 * has inclusive C14N, the enveloped-signature transform, a {@code SignatureProperties} object with the
 * signing time that a second reference covers, and only the signer's certificate in KeyInfo. No XAdES.
 */
final class EInvoices {

    static final String TOTAL = "<TgTTTBSo>27000000</TgTTTBSo>";
    private static final String DSIG_SHA1 = SignatureMethod.RSA_SHA1;
    private static final String DSIG_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private EInvoices() {
    }

    /** An unsigned invoice: two lines of goods at 8 % VAT, 25,000,000 + 2,000,000 VND. */
    static String unsigned() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<HDon><DLHDon Id=\"SigningData\"><TTChung><PBan>2.1.0</PBan><THDon>Hóa đơn giá trị gia tăng</THDon>"
                + "<KHMSHDon>1</KHMSHDon><KHHDon>C26TSM</KHHDon><SHDon>0000152</SHDon><NLap>2026-11-20</NLap>"
                + "<DVTTe>VND</DVTTe><TGia>1</TGia><HTTToan>TM/CK</HTTToan><MSTTCGP>0312000003</MSTTCGP></TTChung>"
                + "<NDHDon><NBan><Ten>Công ty Cổ phần Sao Mai</Ten><MST>0312000003</MST>"
                + "<DChi>12 Nguyễn Huệ, phường Sài Gòn, Thành phố Hồ Chí Minh</DChi></NBan>"
                + "<NMua><Ten>Ủy ban nhân dân tỉnh Bình An</Ten><MST>0109000001</MST>"
                + "<DChi>1 Trần Hưng Đạo, tỉnh Bình An</DChi></NMua>"
                + "<DSHHDVu><HHDVu><TChat>1</TChat><STT>1</STT><THHDVu>Máy tính xách tay</THHDVu><DVTinh>Chiếc</DVTinh>"
                + "<SLuong>2</SLuong><DGia>12500000</DGia><ThTien>25000000</ThTien><TSuat>8%</TSuat></HHDVu></DSHHDVu>"
                + "<TToan><THTTLTSuat><LTSuat><TSuat>8%</TSuat><ThTien>25000000</ThTien><TThue>2000000</TThue></LTSuat>"
                + "</THTTLTSuat><TgTCThue>25000000</TgTCThue><TgTThue>2000000</TgTThue>" + TOTAL
                + "<TgTTTBChu>Hai mươi bảy triệu đồng chẵn</TgTTTBChu></TToan></NDHDon></DLHDon>"
                + "<MCCQT Id=\"Id-MCCQT\">00A1B2C3D4E5F60718293A4B5C6D7E8F90</MCCQT>"
                + "<DSCKS><NBan/><NMua/><CQT/></DSCKS></HDon>";
    }

    /** Signed by the seller (SHA-1 or SHA-256, as both are found) and then by the tax authority (SHA-256). */
    static byte[] signedBySellerAndTaxAuthority(DemoPki pki, boolean sellerSha1, Instant sellerTime,
            Instant taxTime) throws Exception {
        Document doc = parse(unsigned().getBytes(StandardCharsets.UTF_8));
        sign(doc, "NBan", "seller", List.of("#SigningData"), pki, "cong-ty-sao-mai", sellerSha1, sellerTime);
        sign(doc, "CQT", "CQT", List.of("#SigningData", "#Id-MCCQT"), pki, "ubnd-binh-an", false, taxTime);
        return write(doc);
    }

    /** The invoice as sent to the tax authority: inside a TDiep message, after its own TTChung header. */
    static byte[] inMessage(byte[] invoice) {
        String xml = new String(invoice, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*>", "");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><TDiep><TTChung><PBan>2.1.0</PBan><MNGui>K0312000003"
                + "</MNGui><MNNhan>TCT</MNNhan><MLTDiep>200</MLTDiep><MTDiep>K0312000003A1B2C3D4E5F6</MTDiep>"
                + "<MST>0312000003</MST><SLuong>1</SLuong></TTChung><DLieu>" + xml + "</DLieu></TDiep>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signed by the seller only. */
    static byte[] signedBySeller(DemoPki pki, boolean sha1, Instant time) throws Exception {
        Document doc = parse(unsigned().getBytes(StandardCharsets.UTF_8));
        sign(doc, "NBan", "seller", List.of("#SigningData"), pki, "cong-ty-sao-mai", sha1, time);
        return write(doc);
    }

    private static void sign(Document doc, String slot, String id, List<String> targets, DemoPki pki, String alias,
            boolean sha1, Instant time) throws Exception {
        DemoIdentity identity = pki.identity(alias);
        TokenKey key = tokenKey(pki, identity);
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        DigestMethod digest = f.newDigestMethod(sha1 ? DigestMethod.SHA1 : DigestMethod.SHA256, null);
        String timeId = "SigningTime-" + id;
        List<Reference> references = new java.util.ArrayList<>();
        for (String target : targets) {
            // The seller's software adds the enveloped-signature transform although its signature is not
            // inside DLHDon; the tax authority's adds none. Both are found in issued invoices.
            references.add(slot.equals("NBan")
                    ? f.newReference(target, digest,
                            List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null)
                    : f.newReference(target, digest));
        }
        references.add(f.newReference("#" + timeId, digest, null, SignatureProperties.TYPE, null));
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(sha1 ? DSIG_SHA1 : DSIG_SHA256, null), references);
        KeyInfoFactory kif = f.getKeyInfoFactory();
        X509Certificate cert = identity.certificate();
        var keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(cert.getSubjectX500Principal().getName(),
                cert))));
        // Inside the signature's default namespace, as the invoicing software writes it.
        Element signingTime = doc.createElementNS(XMLSignature.XMLNS, "SigningTime");
        signingTime.setTextContent(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(time.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime().withNano(0)));
        SignatureProperty property = f.newSignatureProperty(List.of(new DOMStructure(signingTime)), "#" + id, null);
        SignatureProperties properties = f.newSignatureProperties(List.of(property), null);
        XMLObject object = f.newXMLObject(List.of(properties), timeId, null, null);
        Element parent = (Element) doc.getElementsByTagName("DSCKS").item(0);
        Element where = (Element) parent.getElementsByTagName(slot).item(0);
        DOMSignContext context = new DOMSignContext(key.key(), where);
        context.setDefaultNamespacePrefix("");
        if (key.provider() != null) {
            context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", key.provider());
        }
        context.setIdAttributeNS((Element) doc.getElementsByTagName("DLHDon").item(0), null, "Id");
        context.setIdAttributeNS((Element) doc.getElementsByTagName("MCCQT").item(0), null, "Id");
        f.newXMLSignature(signedInfo, keyInfo, List.of(object), id, null).sign(context);
    }

    record TokenKey(PrivateKey key, Provider provider) {
    }

    private static TokenKey tokenKey(DemoPki pki, DemoIdentity identity) throws Exception {
        KeyFamily family = identity.family();
        Provider provider = pki.pkcs11Provider(family);
        char[] pin = Files.readAllLines(pki.pinFile(family)).get(0).strip().toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, pin);
        for (String name : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(name) && identity.certificate().equals(keyStore.getCertificate(name))) {
                return new TokenKey((PrivateKey) keyStore.getKey(name, null), provider);
            }
        }
        throw new IllegalStateException("no key for " + identity.alias());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static byte[] write(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newDefaultInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
