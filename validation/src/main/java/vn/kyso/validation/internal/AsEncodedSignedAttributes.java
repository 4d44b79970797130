package vn.kyso.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import vn.kyso.validation.Explanation;

/**
 * A second look at a PDF signature DSS calls SIG_CRYPTO_FAILURE. RFC 5652 (5.4) signs the DER encoding
 * of the signed attributes, and DSS (through BouncyCastle) re-encodes them as DER before checking. Some
 * signing software writes them otherwise — a SET not sorted, indefinite lengths, BER inside a value —
 * and signs the bytes as written; OpenSSL keeps the written order and pdfsig accepts such files. This
 * checks the signature value over the attributes as encoded in the file (as written, and with the
 * outer length made definite as OpenSSL does) and the message digest over the signed byte range: if
 * both hold, the signature is genuine and only its encoding departs from the standard.
 */
final class AsEncodedSignedAttributes {

    static final String NOT_DER = "SIGNED_ATTRIBUTES_NOT_DER";

    private AsEncodedSignedAttributes() {
    }

    /**
     * @param pdf       the submitted file
     * @param byteRange the signature's four byte-range numbers
     * @param signer    DER of the signing certificate
     * @return the reason to give instead of SIG_CRYPTO_FAILURE, if the signature verifies as encoded
     */
    static Optional<Explanation> recheck(byte[] pdf, long[] byteRange, byte[] signer) {
        try {
            byte[] cms = contents(pdf, byteRange);
            byte[] signedContent = signedBytes(pdf, byteRange);
            if (cms == null || signedContent == null || signer == null) {
                return Optional.empty();
            }
            return genuine(cms, signedContent, certificate(signer)) ? Optional.of(reason()) : Optional.empty();
        } catch (Exception | StackOverflowError e) {
            // anything unreadable keeps DSS's answer
            return Optional.empty();
        }
    }

    static Explanation reason() {
        return new Explanation(NOT_DER,
                "Giá trị chữ ký khớp với dữ liệu đã ký và khóa của người ký (chữ ký không bị giả mạo), nhưng các "
                        + "thuộc tính được ký không mã hóa DER như RFC 5652 quy định (phần mềm ký không theo chuẩn) "
                        + "— chưa đủ cơ sở kết luận hợp lệ theo chính sách kiểm tra",
                "The signature value matches the signed data and the signer's key (it is not forged), but its "
                        + "signed attributes are not DER-encoded as RFC 5652 requires (non-conformant signing "
                        + "software) — not enough to call it valid under the validation policy");
    }

    static boolean genuine(byte[] padded, byte[] signedContent, X509Certificate signer) throws Exception {
        // /Contents is a placeholder padded with zeros after the CMS
        byte[] cms = java.util.Arrays.copyOf(padded, Der.at(padded, 0).end());
        Der.Element info = Der.at(cms, 0);
        Der.Element explicit = info.child(cms, 1);
        Der.Element signedData = explicit.child(cms, 0);
        Der.Element signerInfos = signedData.lastChild(cms);
        Der.Element signerInfo = signerInfos.child(cms, 0);
        Der.Element attributes = signerInfo.child(cms, 3);
        if ((cms[attributes.start()] & 0xff) != 0xA0) {
            return false;
        }
        SignerInfo parsed = SignedData.getInstance(ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms))
                .getContent()).getSignerInfos().getObjectAt(0) instanceof ASN1Sequence s
                ? SignerInfo.getInstance(s) : null;
        if (parsed == null || parsed.getAuthenticatedAttributes() == null
                || !digestMatches(parsed, signedContent)) {
            return false;
        }
        SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().build(signer);
        byte[] signature = parsed.getEncryptedDigest().getOctets();
        for (byte[] candidate : new byte[][] {asWritten(cms, attributes), definite(cms, attributes)}) {
            ContentVerifier v = verifier.getContentVerifier(parsed.getDigestEncryptionAlgorithm(),
                    parsed.getDigestAlgorithm());
            try (OutputStream out = v.getOutputStream()) {
                out.write(candidate);
            }
            if (v.verify(signature)) {
                return true;
            }
        }
        return false;
    }

    /** The messageDigest attribute equals the digest of the signed byte range. */
    private static boolean digestMatches(SignerInfo info, byte[] signedContent) throws Exception {
        ASN1Set attributes = info.getAuthenticatedAttributes();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = Attribute.getInstance(attributes.getObjectAt(i));
            if (CMSAttributes.messageDigest.equals(a.getAttrType())) {
                byte[] expected = ASN1OctetString.getInstance(a.getAttrValues().getObjectAt(0)).getOctets();
                DigestCalculator digest = new BcDigestCalculatorProvider().get(info.getDigestAlgorithm());
                try (OutputStream out = digest.getOutputStream()) {
                    out.write(signedContent);
                }
                return MessageDigest.isEqual(expected, digest.getDigest());
            }
        }
        return false;
    }

    /** The [0] element as written, its tag turned into SET (RFC 5652 5.4). */
    private static byte[] asWritten(byte[] cms, Der.Element attributes) {
        byte[] bytes = java.util.Arrays.copyOfRange(cms, attributes.start(), attributes.end());
        bytes[0] = 0x31;
        return bytes;
    }

    /** SET, a definite length, then the attributes exactly as written (OpenSSL's re-encoding). */
    private static byte[] definite(byte[] cms, Der.Element attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x31);
        int length = attributes.contentEnd() - attributes.contentStart();
        if (length < 128) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int k = octets - 1; k >= 0; k--) {
                out.write(length >>> (8 * k));
            }
        }
        out.write(cms, attributes.contentStart(), length);
        return out.toByteArray();
    }

    private static byte[] contents(byte[] pdf, long[] r) {
        if (r[1] + 1 >= r[2] - 1 || r[2] > pdf.length) {
            return null;
        }
        String hex = new String(pdf, (int) r[1] + 1, (int) (r[2] - r[1] - 2),
                java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("\\s", "");
        if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
            return null;
        }
        return java.util.HexFormat.of().parseHex(hex);
    }

    private static byte[] signedBytes(byte[] pdf, long[] r) {
        if (r[0] != 0 || r[0] + r[1] > r[2] || r[2] + r[3] > pdf.length) {
            return null;
        }
        byte[] out = new byte[(int) (r[1] + r[3])];
        System.arraycopy(pdf, 0, out, 0, (int) r[1]);
        System.arraycopy(pdf, (int) r[2], out, (int) r[1], (int) r[3]);
        return out;
    }

    private static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }
}
