package vn.kyso.validation.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PDF signatures whose signed attributes are not DER, as some real signing software writes them: the
 * CMS of a demo-signed PDF is rebuilt with its signed attributes in another encoding, and the demo key
 * signs that encoding as written (the SET tag in place of [0], per RFC 5652 5.4, but not re-encoded).
 */
final class NonDerSignatures {

    /** id-aa-signingCertificateV2 (RFC 5035), DER of the OID's content. */
    private static final byte[] SIGNING_CERTIFICATE_V2 = HexFormat.of().parseHex("2a864886f70d010910022f");

    enum Variant {
        /** The attributes in reverse order: a SET that is not sorted as DER requires. */
        UNSORTED_SET,
        /** The signing-certificate attribute's value with an indefinite length (BER) inside. */
        INDEFINITE_LENGTH_INSIDE
    }

    /** The rebuilt PDF, and the CMS and signed bytes for an independent check. */
    record Result(byte[] pdf, byte[] cms, byte[] signedContent) {
    }

    private NonDerSignatures() {
    }

    static Result rebuild(byte[] signedPdf, DirectSigner signer, Variant variant, boolean forge) {
        String text = new String(signedPdf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Contents <([0-9A-Fa-f]+)>").matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no /Contents");
        }
        String hex = m.group(1);
        byte[] cms = HexFormat.of().parseHex(hex);

        Der.Element info = Der.at(cms, 0);
        Der.Element explicit = info.child(cms, 1);
        Der.Element signedData = explicit.child(cms, 0);
        Der.Element signerInfos = signedData.lastChild(cms);
        Der.Element signerInfo = signerInfos.child(cms, 0);
        List<Der.Element> parts = children(cms, signerInfo);
        Der.Element attributes = parts.get(3);

        List<byte[]> attrs = new ArrayList<>();
        for (Der.Element a : children(cms, attributes)) {
            attrs.add(variant == Variant.INDEFINITE_LENGTH_INSIDE ? indefiniteValue(cms, a) : bytes(cms, a));
        }
        if (variant == Variant.UNSORTED_SET) {
            java.util.Collections.reverse(attrs);
        }
        byte[] attrsContent = concat(attrs);
        byte[] toBeSigned = tlv(0x31, attrsContent);
        byte[] signature = signer.signRaw(forge ? concat(List.of(toBeSigned, new byte[] {1})) : toBeSigned);

        List<byte[]> newSignerInfo = new ArrayList<>();
        newSignerInfo.add(bytes(cms, parts.get(0)));
        newSignerInfo.add(bytes(cms, parts.get(1)));
        newSignerInfo.add(bytes(cms, parts.get(2)));
        newSignerInfo.add(tlv(0xA0, attrsContent));
        newSignerInfo.add(bytes(cms, parts.get(4)));
        newSignerInfo.add(tlv(0x04, signature));
        for (int i = 6; i < parts.size(); i++) {
            newSignerInfo.add(bytes(cms, parts.get(i)));
        }
        List<byte[]> newSignedData = new ArrayList<>();
        for (Der.Element e : children(cms, signedData)) {
            newSignedData.add(e.start() == signerInfos.start()
                    ? tlv(0x31, tlv(0x30, concat(newSignerInfo))) : bytes(cms, e));
        }
        byte[] rebuilt = tlv(0x30, concat(List.of(bytes(cms, info.child(cms, 0)),
                tlv(0xA0, tlv(0x30, concat(newSignedData))))));

        String newHex = HexFormat.of().formatHex(rebuilt).toUpperCase();
        if (newHex.length() > hex.length()) {
            throw new IllegalStateException("rebuilt CMS does not fit the placeholder");
        }
        newHex = newHex + "0".repeat(hex.length() - newHex.length());
        byte[] pdf = (text.substring(0, m.start(1)) + newHex + text.substring(m.end(1)))
                .getBytes(StandardCharsets.ISO_8859_1);
        int[] r = PdfAttacks.byteRange(pdf);
        byte[] signedContent = new byte[r[1] + r[3]];
        System.arraycopy(pdf, 0, signedContent, 0, r[1]);
        System.arraycopy(pdf, r[2], signedContent, r[1], r[3]);
        return new Result(pdf, rebuilt, signedContent);
    }

    /** The attribute, with its value re-encoded with an indefinite length if it is the signing certificate. */
    private static byte[] indefiniteValue(byte[] cms, Der.Element attribute) {
        Der.Element oid = attribute.child(cms, 0);
        byte[] oidContent = java.util.Arrays.copyOfRange(cms, oid.contentStart(), oid.contentEnd());
        if (!java.util.Arrays.equals(oidContent, SIGNING_CERTIFICATE_V2)) {
            return bytes(cms, attribute);
        }
        Der.Element values = attribute.child(cms, 1);
        Der.Element value = values.child(cms, 0);
        ByteArrayOutputStream ber = new ByteArrayOutputStream();
        ber.write(cms[value.start()]);
        ber.write(0x80);
        ber.write(cms, value.contentStart(), value.contentEnd() - value.contentStart());
        ber.write(0);
        ber.write(0);
        return tlv(0x30, concat(List.of(bytes(cms, oid), tlv(0x31, ber.toByteArray()))));
    }

    static List<Der.Element> children(byte[] d, Der.Element parent) {
        List<Der.Element> out = new ArrayList<>();
        for (int at = parent.contentStart(); at < parent.contentEnd(); ) {
            Der.Element e = Der.at(d, at);
            out.add(e);
            at = e.end();
        }
        return out;
    }

    static byte[] bytes(byte[] d, Der.Element e) {
        return java.util.Arrays.copyOfRange(d, e.start(), e.end());
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 128) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int k = octets - 1; k >= 0; k--) {
                out.write(length >>> (8 * k));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
