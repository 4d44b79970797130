package vn.kyso.demopki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.demopki.testing.DemoPkiFixture;

class DemoPkiRespondersTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static DemoPki pki;

    @BeforeAll
    static void pki() {
        pki = DemoPkiFixture.shared();
    }

    @Test
    void ocspAnswersGoodWithTheNonceAndAValidSignature() throws Exception {
        DemoIdentity identity = pki.identity("pham-thu-ha");
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        OCSPReq request = request(identity.certificate(), identity.chain().get(1), nonce);

        BasicOCSPResp response = postOcsp("public-ca", request);

        assertSignedBy(response, identity.chain().get(1));
        SingleResp single = response.getResponses()[0];
        assertThat(single.getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(single.getCertID()).isEqualTo(request.getRequestList()[0].getCertID());
        assertThat(response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue())
                .isEqualTo(new DEROctetString(new DEROctetString(nonce).getEncoded()));
        Instant now = Instant.now();
        assertThat(single.getThisUpdate().toInstant()).isBefore(now.plusSeconds(1));
        assertThat(single.getNextUpdate().toInstant()).isAfter(now.plus(Duration.ofHours(23)));
    }

    @Test
    void ocspAnswersRevokedAfterRevocationAndGoodAgainAfterReinstatement() throws Exception {
        DemoIdentity identity = pki.identity("hoang-duc-minh");
        Instant revokedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        pki.revoke(identity.alias(), revokedAt);
        try {
            BasicOCSPResp response =
                    postOcsp("public-ca", request(identity.certificate(), identity.chain().get(1), null));
            assertSignedBy(response, identity.chain().get(1));
            CertificateStatus status = response.getResponses()[0].getCertStatus();
            assertThat(status).isInstanceOf(RevokedStatus.class);
            assertThat(((RevokedStatus) status).getRevocationTime().toInstant()).isEqualTo(revokedAt);

            X509CRL crl = fetchCrl("public-ca", identity.chain().get(1));
            X509CRLEntry entry = crl.getRevokedCertificate(identity.certificate());
            assertThat(entry).isNotNull();
            assertThat(entry.getRevocationDate().toInstant()).isEqualTo(revokedAt);

            assertThat(pki.revocationTime(identity.alias())).contains(revokedAt);
            try (DemoPki reloaded = DemoPki.createOrLoad(DemoPkiSettings.defaults(
                    Path.of(System.getProperty("kyso.test.workdir", "target/test-work"), "demo-pki")))) {
                assertThat(reloaded.revocationTime(identity.alias())).as("persisted").contains(revokedAt);
            }
        } finally {
            pki.reinstate(identity.alias());
        }
        BasicOCSPResp response = postOcsp("public-ca", request(identity.certificate(), identity.chain().get(1), null));
        assertThat(response.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(fetchCrl("public-ca", identity.chain().get(1)).getRevokedCertificate(identity.certificate()))
                .isNull();
    }

    @Test
    void ocspWorksOverGetAndForTheRootsAndSaysUnknownForStrangers() throws Exception {
        DemoIdentity identity = pki.identity("ubnd-binh-an");
        X509Certificate issuingCa = identity.chain().get(1);
        X509Certificate root = identity.chain().get(2);

        OCSPReq forCa = request(issuingCa, root, null);
        String base64 = Base64.getEncoder().encodeToString(forCa.getEncoded());
        HttpResponse<byte[]> get = Http.get(URI.create(pki.baseUri() + "/ocsp/specialised-root/"
                + URLEncoder.encode(base64, StandardCharsets.US_ASCII)));
        assertThat(get.statusCode()).isEqualTo(200);
        BasicOCSPResp viaGet = (BasicOCSPResp) new OCSPResp(get.body()).getResponseObject();
        assertSignedBy(viaGet, root);
        assertThat(viaGet.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);

        CertificateID stranger = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuingCa), BigInteger.valueOf(42));
        BasicOCSPResp unknown = postOcsp("specialised-ca", new OCSPReqBuilder().addRequest(stranger).build());
        assertThat(unknown.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);

        BasicOCSPResp wrongCa = postOcsp("public-ca", request(identity.certificate(), issuingCa, null));
        assertThat(wrongCa.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void crlsAreFreshAndSignedForEveryCa() throws Exception {
        for (KeyFamily family : KeyFamily.values()) {
            DemoIdentity any = pki.identities().stream().filter(i -> i.family() == family).findFirst().orElseThrow();
            String prefix = family == KeyFamily.SPECIALISED ? "specialised" : "public";
            X509CRL issuingCrl = fetchCrl(prefix + "-ca", any.chain().get(1));
            X509CRL rootCrl = fetchCrl(prefix + "-root", any.chain().get(2));
            for (X509CRL crl : List.of(issuingCrl, rootCrl)) {
                assertThat(Duration.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant()))
                        .isEqualTo(Duration.ofDays(1));
                assertThat(crl.getThisUpdate().toInstant()).isBetween(
                        Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
                assertThat(crl.getExtensionValue(Extension.cRLNumber.getId())).isNotNull();
            }
        }
        HttpResponse<byte[]> missing = Http.get(URI.create(pki.baseUri() + "/crl/nobody.crl"));
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void caCertificatesAreServed() throws Exception {
        X509Certificate issuingCa = pki.identity("pham-thu-ha").chain().get(1);
        HttpResponse<byte[]> response = Http.get(URI.create(pki.baseUri() + "/ca/public-ca.cer"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pkix-cert");
        assertThat(response.body()).isEqualTo(issuingCa.getEncoded());
    }

    @Test
    void theTsaIssuesTokensThatVerifyAgainstItsCertificate() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("văn bản".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, nonce);

        TimeStampResponse response = postTsa(request);

        response.validate(request);
        TimeStampToken token = response.getTimeStampToken();
        assertThat(token).isNotNull();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsaCertificate()));
        assertThat(token.getTimeStampInfo().getPolicy().getId()).isEqualTo(pki.tsaPolicy()).isEqualTo("1.2.3.4.1");
        assertThat(token.getTimeStampInfo().getNonce()).isEqualTo(nonce);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant())
                .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(token.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                .as("ESSCertIDv2").isNotNull();
        assertThat(token.getCertificates().getMatches(null))
                .contains(new JcaX509CertificateHolder(pki.tsaCertificate()));

        for (var algorithm : List.of(TSPAlgorithms.SHA384, TSPAlgorithms.SHA512)) {
            int length = algorithm.equals(TSPAlgorithms.SHA384) ? 48 : 64;
            TimeStampRequest other = new TimeStampRequestGenerator().generate(algorithm, new byte[length]);
            TimeStampResponse otherResponse = postTsa(other);
            otherResponse.validate(other);
            assertThat(otherResponse.getTimeStampToken()).isNotNull();
        }
        TimeStampResponse sha1 = postTsa(new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA1, new byte[20]));
        assertThat(sha1.getTimeStampToken()).as("SHA-1 is refused").isNull();
    }

    @Test
    void unavailableRespondersAnswer503() throws Exception {
        pki.setRespondersAvailable(false);
        try {
            assertThat(Http.get(URI.create(pki.baseUri() + "/crl/public-ca.crl")).statusCode()).isEqualTo(503);
            assertThat(Http.get(URI.create(pki.baseUri() + "/ca/public-ca.cer")).statusCode()).isEqualTo(503);
            assertThat(Http.post(URI.create(pki.baseUri() + "/ocsp/public-ca"), "application/ocsp-request",
                    new byte[] {1}).statusCode()).isEqualTo(503);
            assertThat(Http.post(URI.create(pki.tsaUrl()), "application/timestamp-query", new byte[] {1})
                    .statusCode()).isEqualTo(503);
        } finally {
            pki.setRespondersAvailable(true);
        }
        assertThat(Http.get(URI.create(pki.baseUri() + "/crl/public-ca.crl")).statusCode()).isEqualTo(200);
    }

    @Test
    void respondersServeConcurrentRequests() throws Exception {
        DemoIdentity identity = pki.identity("le-minh-khoa");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean ocsp = i % 2 == 0;
                results.add(threads.submit(() -> ocsp
                        ? postOcsp("specialised-ca", request(identity.certificate(), identity.chain().get(1), null))
                                .getResponses()[0].getCertStatus() == CertificateStatus.GOOD
                        : postTsa(new TimeStampRequestGenerator().generate(TSPAlgorithms.SHA256, new byte[32]))
                                .getTimeStampToken() != null));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Issue #10 item 5: every answer names and carries its responder (the CA itself), so a relying
     * party with nothing but the root checks it: OpenSSL's {@code ocsp -verify} is given the root as
     * its only CA file and no other certificate. A missing openssl fails the test (scripts/deps.sh).
     */
    @Test
    void ocspAnswersCarryTheResponderCertificateAndVerifyWithTheRootAlone(@TempDir Path dir) throws Exception {
        for (String alias : List.of("ubnd-binh-an", "cong-ty-sao-mai")) {
            DemoIdentity identity = pki.identity(alias);
            X509Certificate issuingCa = identity.chain().get(1);
            X509Certificate root = identity.chain().get(2);
            String caId = identity.family() == KeyFamily.SPECIALISED ? "specialised" : "public";
            for (boolean aboutCa : List.of(false, true)) {
                X509Certificate subject = aboutCa ? issuingCa : identity.certificate();
                X509Certificate responder = aboutCa ? root : issuingCa;
                BasicOCSPResp response =
                        postOcsp(caId + (aboutCa ? "-root" : "-ca"), request(subject, responder, null));
                assertThat(response.getCerts()).as(alias + " " + aboutCa).hasSize(1);
                assertThat(response.getCerts()[0].getEncoded()).isEqualTo(responder.getEncoded());

                Path der = dir.resolve(alias + "-" + aboutCa + ".ocsp");
                java.nio.file.Files.write(der,
                        new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, response).getEncoded());
                Process openssl = new ProcessBuilder("openssl", "ocsp", "-respin", der.toString(), "-CAfile",
                        pki.trustAnchorsPem(identity.family()).toString(), "-no_nonce")
                        .redirectErrorStream(true).start();
                String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(openssl.waitFor()).as(out).isZero();
                assertThat(out).contains("Response verify OK");
            }
        }
    }

    private static OCSPReq request(X509Certificate certificate, X509Certificate issuer, byte[] nonce)
            throws Exception {
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, new DEROctetString(nonce).getEncoded())));
        }
        return builder.build();
    }

    private static BasicOCSPResp postOcsp(String ca, OCSPReq request) throws Exception {
        HttpResponse<byte[]> http = Http.post(URI.create(pki.baseUri() + "/ocsp/" + ca), "application/ocsp-request",
                request.getEncoded());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        OCSPResp response = new OCSPResp(http.body());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static void assertSignedBy(BasicOCSPResp response, X509Certificate ca) throws Exception {
        assertThat(response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca))).isTrue();
    }

    private static X509CRL fetchCrl(String ca, X509Certificate caCertificate) throws Exception {
        HttpResponse<byte[]> http = Http.get(URI.create(pki.baseUri() + "/crl/" + ca + ".crl"));
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(http.body()));
        crl.verify(caCertificate.getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(caCertificate.getSubjectX500Principal());
        return crl;
    }

    private static TimeStampResponse postTsa(TimeStampRequest request) throws Exception {
        HttpResponse<byte[]> http = Http.post(URI.create(pki.tsaUrl()), "application/timestamp-query",
                request.getEncoded());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
        return new TimeStampResponse(http.body());
    }
}
