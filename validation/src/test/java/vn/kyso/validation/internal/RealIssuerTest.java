package vn.kyso.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.SignatureReport;
import vn.kyso.validation.SignedFile;
import vn.kyso.validation.ValidationReport;
import vn.kyso.validation.ValidationRequest;
import vn.kyso.validation.ValidationSettings;
import vn.kyso.validation.ValidationSettings.TrustStore;
import vn.kyso.validation.Verdict;

/**
 * Documents from real Vietnamese issuers, as far as a test can have them: a signature shaped like the
 * real one needs the real key, so (a) takes a real company certificate issued by Viettel-CA RS under the
 * Vietnam National Root CA (tests/resources/vn-real-issuers) and checks that the verdict names the
 * signer and the issuing CA and reaches the shipped root, while the signature value (made with another
 * key) is rightly refused; (b) makes a certificate with decomposed (NFD) Vietnamese names, as real ones
 * have, and checks they are shown composed (NFC). Offline throughout: nothing is fetched from the
 * Internet, and the verdict says so.
 */
class RealIssuerTest {

    static final Path REAL = Path.of("src/test/resources/vn-real-issuers");
    static final byte[] CONTRACT = "Hợp đồng lao động số 12/2024/HĐLĐ".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRealCompanyCertificateChainsToTheShippedNationalRootAndIsNamedRight() throws Exception {
        X509Certificate signer = read("mobino-viettel-ca-rs.pem");
        X509Certificate issuingCa = read("viettel-ca-rs.pem");
        KeyPair notTheirs = rsa();
        byte[] cms = cms(signer, notTheirs.getPrivate(), "SHA256withRSA", List.of(signer, issuingCa));

        ValidationReport report = validate(cms, shippedOffline(), Instant.parse("2025-06-01T00:00:00Z"));

        SignatureReport s = single(report);
        assertThat(s.signerName()).isEqualTo("CÔNG TY CỔ PHẦN ĐẦU TƯ MOBINO");
        assertThat(s.certificate().issuer()).isEqualTo("CN=Viettel-CA RS,O=Viettel Group,C=VN");
        assertThat(s.family()).as("the chain ends in the shipped vn-public anchor").isEqualTo(KeyFamily.PUBLIC);
        // The value was not made with the company's key: that must show, whoever the certificate names.
        assertThat(s.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(s.reason().code()).isEqualTo("SIG_CRYPTO_FAILURE");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.findings()).extracting(e -> e.code()).contains(Limits.REVOCATION_NOT_CHECKED_OFFLINE);
        assertThat(report.findings()).filteredOn(e -> e.code().equals(Limits.REVOCATION_NOT_CHECKED_OFFLINE))
                .allSatisfy(e -> assertThat(e.en()).contains("CÔNG TY CỔ PHẦN ĐẦU TƯ MOBINO", "offline"));
    }

    @Test
    void withOnlyTheSignersCertificateTheIssuerIsStillNamedAndNoTrustIsClaimed() throws Exception {
        X509Certificate signer = read("mobino-viettel-ca-rs.pem");
        byte[] cms = cms(signer, rsa().getPrivate(), "SHA256withRSA", List.of(signer));

        SignatureReport s = single(validate(cms, shippedOffline(), Instant.parse("2025-06-01T00:00:00Z")));

        assertThat(s.signerName()).isEqualTo("CÔNG TY CỔ PHẦN ĐẦU TƯ MOBINO");
        assertThat(s.certificate().issuer()).isEqualTo("CN=Viettel-CA RS,O=Viettel Group,C=VN");
        // Public CAs' intermediates are not shipped and AIA is not fetched offline: no chain, no family.
        assertThat(s.family()).isNull();
        assertThat(s.verdict()).isNotEqualTo(Verdict.VALID);
    }

    @Test
    void decomposedVietnameseNamesAreShownComposedAndSha1IsCalledWeak(@TempDir Path dir) throws Exception {
        String person = "Nguyễn Thị Ánh Tuyết";
        String agency = "Ủy ban nhân dân tỉnh Bình An";
        String nfdPerson = Normalizer.normalize(person, Normalizer.Form.NFD);
        String nfdAgency = Normalizer.normalize(agency, Normalizer.Form.NFD);
        assertThat(nfdPerson).isNotEqualTo(person);

        KeyPair caKey = rsa();
        X500Name caName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, Normalizer.normalize("Ban Cơ yếu Chính phủ", Normalizer.Form.NFD))
                .addRDN(BCStyle.CN, Normalizer.normalize("CA thử nghiệm chuyên dùng", Normalizer.Form.NFD)).build();
        X509Certificate ca = certificate(caName, caName, caKey, caKey, true);
        KeyPair signerKey = rsa();
        X500Name signerName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, nfdAgency).addRDN(BCStyle.CN, nfdPerson).build();
        X509Certificate signer = certificate(signerName, caName, signerKey, caKey, false);
        Path anchors = Files.writeString(dir.resolve("test-ca.pem"), pem(ca));

        byte[] cms = cms(signer, signerKey.getPrivate(), "SHA1withRSA", List.of(signer));
        ValidationSettings settings = new ValidationSettings(
                List.of(new TrustStore("test-specialised", KeyFamily.SPECIALISED, anchors)), true, null, null, 0,
                null, 0);
        ValidationReport report = validate(cms, settings, Instant.now());

        SignatureReport s = single(report);
        assertThat(s.signerName()).isEqualTo(person).isNotEqualTo(nfdPerson);
        assertThat(s.organisation()).isEqualTo(agency);
        assertThat(s.certificate().subject()).contains(person, agency);
        assertThat(s.certificate().issuer()).isEqualTo("CN=CA thử nghiệm chuyên dùng,O=Ban Cơ yếu Chính phủ,C=VN");
        assertThat(s.family()).isEqualTo(KeyFamily.SPECIALISED);
        assertThat(report.summary().vi()).doesNotContain(nfdPerson);
        assertThat(report.findings()).extracting(e -> e.code())
                .contains(Limits.WEAK_DIGEST_SHA1, Limits.REVOCATION_NOT_CHECKED_OFFLINE);
        assertThat(report.findings()).filteredOn(e -> e.code().equals(Limits.WEAK_DIGEST_SHA1))
                .singleElement().satisfies(e -> {
                    assertThat(e.vi()).contains(person, "SHA-1");
                    assertThat(e.en()).contains(person, "SHA-1");
                });
    }

    private static ValidationSettings shippedOffline() {
        return new ValidationSettings(List.of(TrustStore.shipped("vn-public"), TrustStore.shipped("vn-specialised")),
                true, null, null, 0, null, 0);
    }

    private static ValidationReport validate(byte[] cms, ValidationSettings settings, Instant at) {
        try (DssValidationService service = new DssValidationService(settings, Clock.systemUTC())) {
            return service.validate(new ValidationRequest(new SignedFile("hop-dong.p7m", cms), List.of(), at, false))
                    .report();
        }
    }

    private static SignatureReport single(ValidationReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    /** An enveloping CMS signature (content inside), DER, signed attributes as common tools write them. */
    private static byte[] cms(X509Certificate signer, PrivateKey key, String algorithm,
            List<X509Certificate> certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build(algorithm, key, signer));
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(CONTRACT), true).getEncoded("DER");
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair subjectKey,
            KeyPair issuerKey, boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), subject, subjectKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKey.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate read(String file) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(REAL.resolve(file))));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
