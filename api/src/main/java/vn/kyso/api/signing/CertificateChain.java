package vn.kyso.api.signing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.api.error.ApiException;

/**
 * Decodes the {@code certificate} parts of a prepare request into DER, keeping their order (signer
 * first). Each part may be PEM (one or more blocks), base64 DER or raw DER; whether the bytes are a
 * usable certificate is the signing module's call.
 */
public final class CertificateChain {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");
    private static final int DER_SEQUENCE = 0x30;

    private CertificateChain() {
    }

    public static List<byte[]> decode(List<byte[]> parts) {
        List<byte[]> chain = new ArrayList<>();
        for (byte[] part : parts) {
            chain.addAll(decodePart(part, chain.size() + 1));
        }
        if (chain.isEmpty()) {
            throw ApiException.invalid("certificate is required: the signer's certificate, then its issuers");
        }
        return chain;
    }

    private static List<byte[]> decodePart(byte[] part, int number) {
        if (part.length > 0 && (part[0] & 0xff) == DER_SEQUENCE) {
            return List.of(part);
        }
        String text = new String(part, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<byte[]> certs = new ArrayList<>();
        Matcher pem = PEM.matcher(text);
        while (pem.find()) {
            certs.add(base64(pem.group(1), number + certs.size()));
        }
        return certs.isEmpty() ? List.of(base64(text, number)) : certs;
    }

    private static byte[] base64(String text, int number) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("certificate " + number + " is neither PEM, base64 DER nor DER");
        }
    }
}
