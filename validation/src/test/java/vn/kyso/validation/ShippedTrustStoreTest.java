package vn.kyso.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import vn.kyso.core.KeyFamily;
import vn.kyso.validation.ShippedTrustStore.Entry;
import vn.kyso.validation.ShippedTrustStore.Role;
import vn.kyso.validation.ValidationSettings.TrustStore;

/**
 * The shipped Vietnamese trust anchors are exactly the certificates the manifest records: fingerprint,
 * subject, validity, role, and two sources each. The files are read here with the JDK alone, not through
 * the code under test.
 */
class ShippedTrustStoreTest {

    /** Fingerprints checked by hand against two independent sources (docs/trust-anchors.md). */
    static final Map<String, String> EXPECTED = Map.of(
            "vietnam-national-root-ca.pem", "bac8bf609ab420a8ee1780d74f4de5c7f7184959d2a7375b0a75e4c29f0908e7",
            "mic-national-root-ca.pem", "ca918d635bb130bec97639e6aabf7edbc4eb1310f8058b9419f467ae0230ad8c",
            "vgca-root-g1.pem", "f7bc89054cec7f12730d7b8cd3eb7955b163835087e5eb873edfb584763b3f90",
            "vgca-government-ca-g1.pem", "75e969c07ba35c29c72bbc1bfb880f20f3891a619b00b77eb02ca6160736a1fe",
            "vgca-root-g2.pem", "f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8",
            "vgca-state-agencies-ca-g2.pem", "d8cab7a4aef92e6bb2509d7c61cee7b44f3731b2d21074963530277b366fae4b");

    @Test
    void everyFileMatchesItsRecordedFingerprintSubjectAndValidity() throws Exception {
        List<Entry> all = new java.util.ArrayList<>();
        for (ShippedTrustStore store : ShippedTrustStore.values()) {
            all.addAll(store.entries());
        }
        assertThat(all).extracting(Entry::file).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Entry entry : all) {
            X509Certificate file = readWithJdk(entry.file());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getEncoded()));
            assertThat(sha256).as(entry.file()).isEqualTo(EXPECTED.get(entry.file())).isEqualTo(entry.sha256());
            assertThat(file.getSubjectX500Principal()).as(entry.file()).isEqualTo(new X500Principal(entry.subject()));
            assertThat(file.getNotBefore().toInstant()).as(entry.file()).isEqualTo(entry.notBefore());
            assertThat(file.getNotAfter().toInstant()).as(entry.file()).isEqualTo(entry.notAfter());
            assertThat(entry.source()).as(entry.file()).isNotBlank();
            assertThat(entry.secondSource()).as(entry.file()).isNotBlank().isNotEqualTo(entry.source());
            assertThat(file.getBasicConstraints()).as(entry.file() + " is a CA").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theStoresHoldTheRootsNamedInTheIssueAndTheirIssuingCas() throws Exception {
        List<Entry> pub = ShippedTrustStore.VN_PUBLIC.entries();
        assertThat(pub).allSatisfy(e -> assertThat(e.role()).isEqualTo(Role.ANCHOR));
        assertThat(pub).extracting(e -> cn(e.certificate()))
                .containsExactly("Vietnam National Root CA", "MIC National Root CA");
        assertThat(year(pub.get(0).notBefore())).isEqualTo(2014);
        assertThat(year(pub.get(0).notAfter())).isEqualTo(2039);

        List<Entry> specialised = ShippedTrustStore.VN_SPECIALISED.entries();
        assertThat(specialised).filteredOn(e -> e.role() == Role.ANCHOR).extracting(e -> cn(e.certificate()))
                .containsExactly("Co quan chung thuc so chuyen dung Chinh phu (RootCA)",
                        "RootCA chuyên dùng Chính phủ G2");
        assertThat(specialised).filteredOn(e -> e.role() == Role.ISSUING).extracting(e -> cn(e.certificate()))
                .containsExactly("Co quan chung thuc so Chinh phu", "CA phục vụ các cơ quan Nhà nước G2");

        // Roots sign themselves; each issuing CA is signed by a root of its own store.
        for (ShippedTrustStore store : ShippedTrustStore.values()) {
            List<X509Certificate> roots = store.entries().stream().filter(e -> e.role() == Role.ANCHOR)
                    .map(Entry::certificate).toList();
            for (Entry e : store.entries()) {
                if (e.role() == Role.ANCHOR) {
                    e.certificate().verify(e.certificate().getPublicKey());
                } else {
                    assertThat(roots).as(e.file()).anySatisfy(root -> {
                        assertThat(e.certificate().getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
                        e.certificate().verify(root.getPublicKey());
                    });
                }
            }
        }
    }

    @Test
    void aShippedStoreIsChosenByNameAloneAndListsItsCertificates() {
        TrustStore specialised = TrustStore.shipped("vn-specialised");
        assertThat(specialised.family()).isEqualTo(KeyFamily.SPECIALISED);
        assertThat(specialised.anchorCertificates()).hasSize(2);
        assertThat(specialised.issuingCertificates()).hasSize(2);
        TrustStore pub = new TrustStore("vn-public", KeyFamily.PUBLIC, null);
        assertThat(pub.anchorCertificates()).hasSize(2);
        assertThat(pub.issuingCertificates()).isEmpty();

        assertThatThrownBy(() -> TrustStore.shipped("vn-khac")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vn-public").hasMessageContaining("vn-specialised");
        assertThatThrownBy(() -> new TrustStore("vn-public", KeyFamily.SPECIALISED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static X509Certificate readWithJdk(String file) throws Exception {
        try (InputStream in = ShippedTrustStoreTest.class.getResourceAsStream("/vn/kyso/validation/trust/" + file)) {
            assertThat(in).as(file).isNotNull();
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(pem).as(file + " is one PEM certificate").startsWith("-----BEGIN CERTIFICATE-----")
                    .containsOnlyOnce("-----BEGIN");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        }
    }

    private static String cn(X509Certificate certificate) {
        var name = org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var value = name.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0].getFirst().getValue();
        return ((org.bouncycastle.asn1.ASN1String) value).getString();
    }

    private static int year(java.time.Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).getYear();
    }
}
