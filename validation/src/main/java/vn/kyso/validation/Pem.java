package vn.kyso.validation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Certificates from PEM text (any number of blocks) or, failing that, one DER certificate. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private Pem() {
    }

    static List<X509Certificate> certificates(byte[] bytes, String what) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            Matcher pem = BLOCK.matcher(new String(bytes, StandardCharsets.US_ASCII));
            while (pem.find()) {
                byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            if (certificates.isEmpty()) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes)));
            }
            return certificates;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(what + " holds no readable certificate", e);
        }
    }
}
