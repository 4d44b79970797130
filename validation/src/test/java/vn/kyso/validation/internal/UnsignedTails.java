package vn.kyso.validation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo-signed PDF re-signed over a byte range that stops inside its own revision, as some signing
 * software writes it: the revision's trailer (or its startxref, for a cross-reference stream) is left
 * after the signed bytes, and whoever holds the file can change it without touching the signature.
 */
final class UnsignedTails {

    /** id-messageDigest (RFC 5652 11.2), DER of the OID's content. */
    private static final byte[] MESSAGE_DIGEST = HexFormat.of().parseHex("2a864886f70d010904");

    private UnsignedTails() {
    }

    /** The signed PDF with its byte range cut before the last revision's trailer, and signed again so. */
    static byte[] trailerLeftUnsigned(byte[] signedPdf, DirectSigner signer) {
        String text = PdfAttacks.latin(signedPdf);
        int[] r = PdfAttacks.byteRange(signedPdf);
        int cut = text.lastIndexOf("trailer");
        if (cut < r[2]) {
            cut = text.lastIndexOf("startxref");
        }
        byte[] pdf = PdfAttacks.byteRange(signedPdf, r[0] + " " + r[1] + " " + r[2] + " " + (cut - r[2]));
        byte[] content = PdfAttacks.concat(java.util.Arrays.copyOfRange(pdf, 0, r[1]),
                java.util.Arrays.copyOfRange(pdf, r[2], cut));
        return withContents(pdf, resigned(contents(pdf), sha256(content), signer));
    }

    private static byte[] resigned(byte[] cms, byte[] digest, DirectSigner signer) {
        Der.Element info = Der.at(cms, 0);
        Der.Element explicit = info.child(cms, 1);
        Der.Element signedData = explicit.child(cms, 0);
        Der.Element signerInfos = signedData.lastChild(cms);
        Der.Element signerInfo = signerInfos.child(cms, 0);
        List<Der.Element> parts = NonDerSignatures.children(cms, signerInfo);
        List<byte[]> attrs = new ArrayList<>();
        for (Der.Element a : NonDerSignatures.children(cms, parts.get(3))) {
            Der.Element oid = a.child(cms, 0);
            boolean md = java.util.Arrays.equals(java.util.Arrays.copyOfRange(cms, oid.contentStart(),
                    oid.contentEnd()), MESSAGE_DIGEST);
            attrs.add(md ? NonDerSignatures.tlv(0x30, NonDerSignatures.concat(List.of(NonDerSignatures.bytes(cms, oid),
                    NonDerSignatures.tlv(0x31, NonDerSignatures.tlv(0x04, digest))))) : NonDerSignatures.bytes(cms, a));
        }
        byte[] attrsContent = NonDerSignatures.concat(attrs);
        byte[] signature = signer.signRaw(NonDerSignatures.tlv(0x31, attrsContent));
        List<byte[]> newSignerInfo = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            newSignerInfo.add(i == 3 ? NonDerSignatures.tlv(0xA0, attrsContent)
                    : i == 5 ? NonDerSignatures.tlv(0x04, signature) : NonDerSignatures.bytes(cms, parts.get(i)));
        }
        List<byte[]> newSignedData = new ArrayList<>();
        for (Der.Element e : NonDerSignatures.children(cms, signedData)) {
            newSignedData.add(e.start() == signerInfos.start()
                    ? NonDerSignatures.tlv(0x31, NonDerSignatures.tlv(0x30, NonDerSignatures.concat(newSignerInfo)))
                    : NonDerSignatures.bytes(cms, e));
        }
        return NonDerSignatures.tlv(0x30, NonDerSignatures.concat(List.of(NonDerSignatures.bytes(cms, info.child(cms, 0)),
                NonDerSignatures.tlv(0xA0, NonDerSignatures.tlv(0x30, NonDerSignatures.concat(newSignedData))))));
    }

    private static final Pattern CONTENTS = Pattern.compile("/Contents <([0-9A-Fa-f]+)>");

    private static byte[] contents(byte[] pdf) {
        Matcher m = CONTENTS.matcher(PdfAttacks.latin(pdf));
        if (!m.find()) {
            throw new IllegalArgumentException("no /Contents");
        }
        return HexFormat.of().parseHex(m.group(1));
    }

    private static byte[] withContents(byte[] pdf, byte[] cms) {
        String text = PdfAttacks.latin(pdf);
        Matcher m = CONTENTS.matcher(text);
        m.find();
        String hex = HexFormat.of().formatHex(cms).toUpperCase();
        if (hex.length() > m.group(1).length()) {
            throw new IllegalStateException("CMS does not fit the placeholder");
        }
        hex = hex + "0".repeat(m.group(1).length() - hex.length());
        return (text.substring(0, m.start(1)) + hex + text.substring(m.end(1))).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
