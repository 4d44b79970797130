package vn.kyso.audit.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import vn.kyso.audit.AuditError;
import vn.kyso.audit.AuditException;

/**
 * RFC 3161 over HTTP for checkpoints: the message imprint is the chain head hash itself (already a
 * SHA-256 value), and a token is accepted only if it is signed by the TSA certificate it carries and
 * names that exact imprint.
 */
final class TimeStamps {

    private static final SecureRandom NONCES = new SecureRandom();
    private static final String QUERY = "application/timestamp-query";

    private final URI tsaUrl;
    private final Duration timeout;
    private final List<X509Certificate> anchors;
    private final HttpClient http;

    TimeStamps(URI tsaUrl, Duration timeout, List<X509Certificate> anchors) {
        this.tsaUrl = tsaUrl;
        this.timeout = timeout;
        this.anchors = anchors;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A verified token over {@code imprint}. */
    TimeStampToken request(byte[] imprint) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, NONCES);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, nonce);
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(tsaUrl).timeout(timeout)
                    .header("Content-Type", QUERY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AuditException(AuditError.TSA_UNAVAILABLE,
                        "the time-stamping authority answered HTTP " + response.statusCode());
            }
            answer = response.body();
        } catch (IOException e) {
            throw new AuditException(AuditError.TSA_UNAVAILABLE, "the time-stamping authority cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditError.TSA_UNAVAILABLE, "interrupted while time-stamping", e);
        }
        try {
            TimeStampResponse response = new TimeStampResponse(answer);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new AuditException(AuditError.TSA_RESPONSE_INVALID,
                        "the time-stamping authority refused the request (status " + response.getStatus() + ")");
            }
            String problem = problem(token, imprint, anchors);
            if (problem != null) {
                throw new AuditException(AuditError.TSA_RESPONSE_INVALID, "unusable time-stamp token: " + problem);
            }
            return token;
        } catch (TSPException | IOException | RuntimeException e) {
            if (e instanceof AuditException a) {
                throw a;
            }
            throw new AuditException(AuditError.TSA_RESPONSE_INVALID,
                    "the time-stamping authority's answer does not match the request", e);
        }
    }

    static TimeStampToken parse(byte[] encoded) throws IOException {
        try {
            return new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(encoded));
        } catch (CMSException | TSPException | RuntimeException e) {
            throw new IOException("not a time-stamp token", e);
        }
    }

    /** Why the token does not prove {@code imprint}, or null if it does. */
    static String problem(TimeStampToken token, byte[] imprint, List<X509Certificate> anchors) {
        if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())) {
            return "the imprint is not a SHA-256 value";
        }
        if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint)) {
            return "the token's imprint is not the chain head hash";
        }
        X509Certificate certificate = signer(token);
        if (certificate == null) {
            return "the token carries no certificate of its signer";
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (TSPException e) {
            return "the token's signature does not verify";
        } catch (OperatorCreationException | RuntimeException e) {
            return "the token's signature cannot be checked";
        }
        if (!anchors.isEmpty() && !trusted(token, certificate, anchors)) {
            return "the TSA certificate does not chain to a trusted root";
        }
        return null;
    }

    /**
     * Builds a path from the TSA certificate to one of {@code anchors} with the certificates the token
     * carries, valid at the time of stamping. Revocation is not checked here: a checkpoint proves the
     * chain head existed, and the TSA's later revocation does not undo that unless its key was
     * compromised before the stamp, which an auditor establishes from the CA's records.
     */
    private static boolean trusted(TimeStampToken token, X509Certificate certificate,
            List<X509Certificate> anchors) {
        try {
            List<X509Certificate> carried = new ArrayList<>();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (Object holder : token.getCertificates().getMatches(null)) {
                carried.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            carried.add(certificate);
            Set<TrustAnchor> roots = new HashSet<>();
            anchors.forEach(a -> roots.add(new TrustAnchor(a, null)));
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(token.getTimeStampInfo().getGenTime());
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static X509Certificate signer(TimeStampToken token) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return null;
        }
    }

    static Instant time(TimeStampToken token) {
        return token.getTimeStampInfo().getGenTime().toInstant();
    }
}
